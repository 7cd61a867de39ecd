using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;
using TrustBot.Actions;
using TrustBot.Bot;
using TrustBot.Definition;
using TrustBot.Delivery;
using TrustBot.Domain.Pulse;
using TrustBot.Health;
using TrustBot.Observations;
using TrustBot.Onboarding;
using TrustBot.Pulse;
using TrustBot.PulseResults;
using TrustBot.Questions;
using TrustBot.Recovery;
using TrustBot.Scheduling;
using TrustBot.Teams;
using TrustBot.Storage;
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

// Bot Framework: authentication from MicrosoftAppType/Id/Password/TenantId, required outside Development; Teams and Bot:AllowedTenants only.
builder.Services.AddBotAuthentication(builder.Configuration);
builder.Services.AddTransient<IBot, TrustBotActivityHandler>();

// Dialogs: one per stage; the router finds them through IDialog.
builder.Services.AddSingleton<HelpDialog>();
builder.Services.AddSingleton<IDialog>(sp => sp.GetRequiredService<HelpDialog>());
builder.Services.AddSingleton<WelcomeDialog>();
builder.Services.AddSingleton<IDialog, PulseDialog>();
builder.Services.AddSingleton<DialogRouter>();

// Teams, delivery and stage 1 (pulse check-ins).
builder.Services.AddTeams();
builder.Services.AddSingleton<ITeamsMessenger, ProactiveMessenger>();
builder.Services.AddOptions<PulseOptions>()
    .Bind(builder.Configuration.GetSection(PulseOptions.SectionName))
    .ValidateDataAnnotations()
    .Validate(options => { options.SecretBytes(); return true; })
    .ValidateOnStart();
builder.Services.AddSingleton(sp => new AnonymousKeys(sp.GetRequiredService<IOptions<PulseOptions>>().Value.SecretBytes()));
builder.Services.AddSingleton(sp => new AnswerSeal(sp.GetRequiredService<IOptions<PulseOptions>>().Value.SecretBytes()));
builder.Services.AddSingleton(QuestionBank.BuiltIn);
builder.Services.AddSingleton<PulseService>();
builder.Services.AddCustomQuestions();
builder.Services.AddObservations();
builder.Services.AddDefinitionStage();
builder.Services.AddActionsStage();
builder.Services.AddSchedulingStage();
builder.Services.AddSchedulerAndDelivery(builder.Configuration);
builder.Services.AddRecoveryStage();
builder.Services.AddSingleton<SummaryService>();
builder.Services.AddSingleton<IDialog, SummaryDialog>();
builder.Services.AddPulseResults(builder.Configuration);

builder.Services.AddTrustBotStorage(builder.Configuration);
builder.Services.AddTrustBotTeamAndPulseStores();
builder.Services.AddHealthChecks()
    .AddCheck<StorageHealthCheck>("storage", tags: ["ready"])
    .AddCheck<DeliveryHealthCheck>("delivery", tags: ["ready"])
    .AddCheck<JobHealthCheck>("jobs", tags: ["ready"]);

var app = builder.Build();

app.MapBotMessages();
app.MapIncidentWebhook();
if (app.Environment.IsDevelopment())
{
    app.MapDevelopmentClock();
}

// /healthz: the process is up. /readyz: it can reach storage, so it can do useful work.
app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = HealthReportWriter.WriteAsync });

app.Run();

/// <summary>The host; public so that tests can start it with WebApplicationFactory.</summary>
public partial class Program;
