using Microsoft.Extensions.DependencyInjection;
using TrustBot.Domain.Pulse;
using TrustBot.Pulse;

namespace TrustBot.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class SummaryJourneyTests(EndToEndFixture stack)
{
    [Fact]
    public async Task The_lead_reads_the_summary_and_a_pulse_with_too_few_answers_shows_the_threshold_message()
    {
        await using var playground = await stack.OpenPlaygroundAsync();
        await playground.OpenAsync(PlaygroundPage.TeamGeneralChannel);
        await playground.CardShowingAsync("Thanks for adding me to this team.");

        await ClosedRunAsync(answers: 4);
        await playground.OpenAsync(PlaygroundPage.PersonalChat);
        await playground.SendAsync("summary");
        await playground.CardShowingAsync("trust index, out of 100");
        await playground.ScreenshotAsync("summary-lead");

        await ClosedRunAsync(answers: 2);
        await playground.SendAsync("summary");
        await playground.CardShowingAsync("not enough answers yet (2 of 3)");
        await playground.ScreenshotAsync("summary-below-threshold");
    }

    // The other members' answers come straight through the stores: the Playground signs in one user.
    private async Task ClosedRunAsync(int answers)
    {
        var pulses = stack.Services.GetRequiredService<PulseService>();
        var store = stack.Services.GetRequiredService<IPulseStore>();
        var seal = stack.Services.GetRequiredService<AnswerSeal>();
        if (await pulses.FindOpenRunAsync(PlaygroundPage.TeamId, CancellationToken.None) is { } open)
        {
            await pulses.CloseAsync(open, CancellationToken.None);
        }

        var bank = QuestionBank.BuiltIn;
        // The bot's clock: in Development it may run ahead of the system's (POST /api/dev/advance).
        var now = stack.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var run = new PulseRun(PlaygroundPage.TeamId, PulseRunIds.New(now, Guid.NewGuid()), PulseItemSelector.Select(bank, []), now, now.AddDays(3), PulseRunState.Open, 3, 6);
        (await store.TryStartRunAsync(run, ["m1", "m2", "m3", "m4", "m5", "m6"], CancellationToken.None)).Should().BeTrue();
        for (var i = 0; i < answers; i++)
        {
            var answer = new PulseAnswer(run.ItemIds.ToDictionary(id => id, _ => 3 + (i % 3)), ["care"], ["openness"]);
            await store.SaveAnswerAsync(run.TeamId, run.RunId, $"answer-key-{i}", seal.Seal(run.TeamId, run.RunId, $"answer-key-{i}", answer), CancellationToken.None);
        }

        await pulses.CloseAsync(run, CancellationToken.None);
    }
}
