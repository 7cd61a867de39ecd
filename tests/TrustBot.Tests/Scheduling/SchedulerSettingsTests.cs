using TrustBot.Scheduling;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;

namespace TrustBot.Tests.Scheduling;

/// <summary>The settings of the planner and of delivery: a bad value stops the host with a message naming the setting.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SchedulerSettingsTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("Scheduler:MaxAttempts", "0", "Scheduler:MaxAttempts must be between 1 and 100")]
    [InlineData("Scheduler:MaxAttempts", "many", "Scheduler:MaxAttempts")]
    [InlineData("Scheduler:MaxJobsPerTeamPerTick", "0", "Scheduler:MaxJobsPerTeamPerTick must be between 1 and 1000")]
    [InlineData("Scheduler:RetryBackoff", "00:00:00", "Scheduler:RetryBackoff must be between")]
    [InlineData("Scheduler:MaxRetryBackoff", "2.00:00:00", "Scheduler:MaxRetryBackoff must be between")]
    [InlineData("Scheduler:MaxRetryBackoff", "00:00:30", "Scheduler:MaxRetryBackoff must be at least Scheduler:RetryBackoff")]
    [InlineData("Delivery:RecordEvery", "00:00:11", "Delivery:RecordEvery must be between 00:00:00 and 00:00:10")]
    [InlineData("Delivery:RecordEvery", "-00:00:01", "Delivery:RecordEvery must be between 00:00:00 and 00:00:10")]
    public void A_bad_setting_stops_the_host_with_a_message_naming_it(string setting, string value, string message)
    {
        using var host = TrustBotHost.OnAzurite(azurite.ConnectionString, azurite.UniquePrefix(), extra: new Dictionary<string, string?> { [setting] = value });

        var start = () => host.CreateClient();

        start.Should().Throw<Exception>().Where(e => e.ToString().Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1, 60)]
    [InlineData(2, 120)]
    [InlineData(4, 480)]
    [InlineData(7, 3600)]
    [InlineData(100, 3600)]
    public void The_wait_after_a_failure_doubles_from_the_backoff_up_to_the_cap(int attempts, int seconds) =>
        new SchedulerOptions().BackoffAfter(attempts).Should().Be(TimeSpan.FromSeconds(seconds));
}
