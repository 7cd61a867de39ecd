using TrustBot.Actions;
using TrustBot.Bot;
using TrustBot.Dashboard;
using TrustBot.Definition;
using TrustBot.Health;
using TrustBot.Observations;
using TrustBot.Onboarding;
using TrustBot.Pulse;
using TrustBot.PulseResults;
using TrustBot.Questions;
using TrustBot.Recovery;
using TrustBot.Recovery.Webhook;
using TrustBot.Scheduling;
using TrustBot.Storage;
using TrustBot.Teams;
using TrustBot.Summary;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddHttpClient();
TrustBot.Observability.TelemetryRegistration.AddTrustBotTelemetry(builder);
if (builder.Environment.IsDevelopment())
{
    // A clock that POST /api/dev/advance can move on, to try schedules without waiting.
    builder.Services.AddSingleton<DevelopmentClock>();
    builder.Services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<DevelopmentClock>());
}
else
{
    builder.Services.AddSingleton(TimeProvider.System);
}

// One line per feature; each registers its dialogs, services, jobs and stores (see its *Registration.cs).
// Bot Framework: authentication from MicrosoftAppType/Id/Password/TenantId, required outside Development; Teams and Bot:AllowedTenants only.
builder.Services.AddBot(builder.Configuration);
builder.Services.AddOnboarding();
builder.Services.AddTeams();
builder.Services.AddPulse(builder.Configuration);
builder.Services.AddCustomQuestions();
builder.Services.AddObservations();
builder.Services.AddDefinitionStage();
builder.Services.AddActionsStage();
builder.Services.AddSchedulingStage();
builder.Services.AddSchedulerAndDelivery(builder.Configuration);
builder.Services.AddRecoveryStage();
builder.Services.AddSummary();
builder.Services.AddPulseResults(builder.Configuration);
builder.AddDashboard();
builder.Services.AddTrustBotStorage(builder.Configuration);
builder.Services.AddHealth();

var app = builder.Build();

app.MapBotMessages();
app.MapIncidentWebhook();
app.MapDashboard();
if (app.Environment.IsDevelopment())
{
    app.MapDevelopmentClock();
}

// /healthz: the process is up. /readyz: it can reach storage, so it can do useful work.
app.MapHealth();

app.Run();

/// <summary>The host; public so that tests can start it with WebApplicationFactory.</summary>
public partial class Program;
