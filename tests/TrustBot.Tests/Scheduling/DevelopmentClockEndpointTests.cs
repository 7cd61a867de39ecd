using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TrustBot.Pulse;
using TrustBot.Scheduling;
using TrustBot.Storage;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;

namespace TrustBot.Tests.Scheduling;

[Collection(AzuriteCollection.Name)]
public sealed class DevelopmentClockEndpointTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Outside_development_there_is_no_hook_to_move_the_clock()
    {
        // Production, which needs an app id to start at all.
        using var host = TrustBotHost.OnAzurite(azurite.ConnectionString, azurite.UniquePrefix(), appId: "11111111-2222-3333-4444-555555555555");

        var response = await host.CreateClient().PostAsync(new Uri("/api/dev/advance?hours=1", UriKind.Relative), content: null);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        host.Services.GetRequiredService<TimeProvider>().Should().BeSameAs(TimeProvider.System, "production runs on the system clock");
    }

    [Fact]
    public async Task In_development_hours_that_are_not_a_forward_amount_are_refused_and_the_clock_stays()
    {
        using var host = TrustBotHost.OnAzurite(azurite.ConnectionString, azurite.UniquePrefix());
        using var development = InDevelopment(host);
        var client = development.CreateClient();

        var answers = new Dictionary<string, HttpStatusCode>();
        foreach (var hours in new[] { "abc", "-1", "", "NaN", "100000" })
        {
            answers[hours] = (await client.PostAsync(new Uri($"/api/dev/advance?hours={hours}", UriKind.Relative), content: null)).StatusCode;
        }

        answers.Values.Should().AllSatisfy(status => status.Should().Be(HttpStatusCode.BadRequest), "every one of {0} is refused", string.Join(", ", answers.Keys));
        development.Services.GetRequiredService<DevelopmentClock>().Offset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public async Task In_development_the_hook_moves_the_clock_and_the_bot_still_uses_the_tests_storage_and_secret()
    {
        using var host = TrustBotHost.OnAzurite(azurite.ConnectionString, azurite.UniquePrefix());
        using var development = InDevelopment(host);

        var response = await development.CreateClient().PostAsync(new Uri("/api/dev/advance?hours=1.5", UriKind.Relative), content: null);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        development.Services.GetRequiredService<DevelopmentClock>().Offset.Should().Be(TimeSpan.FromHours(1.5));
        // appsettings.Development.json names local storage and a development secret; the test's settings win.
        development.Services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString.Should().Be(azurite.ConnectionString);
        development.Services.GetRequiredService<IOptions<PulseOptions>>().Value.AnonymitySecret.Should().Be(TrustBotHost.AnonymitySecret);
    }

    private static WebApplicationFactory<Program> InDevelopment(TrustBotHost host) =>
        host.WithWebHostBuilder(builder => builder.UseEnvironment(Environments.Development));
}
