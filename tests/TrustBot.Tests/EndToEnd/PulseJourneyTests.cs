using Microsoft.Extensions.DependencyInjection;
using TrustBot.Domain.Pulse;

namespace TrustBot.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class PulseJourneyTests(EndToEndFixture stack)
{
    [Fact]
    public async Task A_lead_starts_a_pulse_and_the_member_answers_then_changes_the_answer_in_the_personal_chat()
    {
        await using var playground = await stack.OpenPlaygroundAsync();

        // Opening the team's channel installs the bot there; the signed-in user installed it, so leads it.
        await playground.OpenAsync(PlaygroundPage.TeamGeneralChannel);
        await playground.CardShowingAsync("Thanks for adding me to this team.");
        await playground.SendAsync("start pulse", mentionBot: true);
        await playground.CardShowingAsync("Pulse starting");
        await playground.ScreenshotAsync("pulse-started-in-channel");

        await playground.OpenAsync(PlaygroundPage.PersonalChat);
        await playground.AnswerEveryItemAsync("Trust pulse", point: 4);
        await playground.ScreenshotAsync("pulse-card-answered");
        await playground.ClickAsync("Trust pulse", "Submit");
        await playground.CardShowingAsync("Thanks, your answer is recorded");
        await playground.ScreenshotAsync("pulse-thanks");

        await playground.ClickAsync("Thanks, your answer is recorded", "Change my answer");
        await playground.AnswerEveryItemAsync("Trust pulse", point: 2);
        await playground.ClickAsync("Trust pulse", "Update my answer");
        await playground.CardShowingAsync("Thanks, your answer is recorded");
        await playground.ScreenshotAsync("pulse-changed");

        var pulses = stack.Services.GetRequiredService<IPulseStore>();
        var run = (await pulses.GetRecentRunsAsync(PlaygroundPage.TeamId, 1, CancellationToken.None)).Single();
        var seal = stack.Services.GetRequiredService<AnswerSeal>();
        var answers = await pulses.GetAnswersAsync(run.TeamId, run.RunId, CancellationToken.None);
        var answer = answers.Should().ContainSingle("a changed answer replaces the first one").Subject;
        seal.Open(run.TeamId, run.RunId, answer.AnswerKey, answer.Sealed).Scores.Values.Should().AllSatisfy(point => point.Should().Be(2));
    }
}
