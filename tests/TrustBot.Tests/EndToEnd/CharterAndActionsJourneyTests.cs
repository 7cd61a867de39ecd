namespace TrustBot.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class CharterAndActionsJourneyTests(EndToEndFixture stack)
{
    [Fact]
    public async Task The_team_proposes_votes_and_the_lead_finalizes_a_charter_everyone_can_read()
    {
        await using var playground = await stack.OpenPlaygroundAsync();
        await playground.OpenAsync(PlaygroundPage.TeamGeneralChannel);
        await playground.CardShowingAsync("Thanks for adding me to this team.");

        foreach (var statement in new[] { "we say early when we will miss a date.", "we can disagree openly without blame." })
        {
            await playground.SendAsync("define trust", mentionBot: true);
            await playground.FillTextAsync("What does trust mean to us?", statement);
            await playground.ClickAsync("What does trust mean to us?", "Propose");
            await playground.CardShowingAsync("Thanks, your proposal is in");
        }

        await playground.SendAsync("open vote", mentionBot: true);
        await playground.CardShowingAsync("Vote opening");

        await playground.OpenAsync(PlaygroundPage.PersonalChat);
        await playground.TickAsync("Vote: what does trust mean to us?", count: 2);
        await playground.ClickAsync("Vote: what does trust mean to us?", "Vote");
        await playground.CardShowingAsync("Your vote is saved");
        await playground.ScreenshotAsync("charter-ballot-voted");

        await playground.OpenAsync(PlaygroundPage.TeamGeneralChannel);
        await playground.SendAsync("finalize charter", mentionBot: true);
        await playground.ClickAsync("Write the trust charter", "Save the charter");
        await playground.CardShowingAsync("of the charter is saved");

        await playground.SendAsync("charter", mentionBot: true);
        await playground.CardShowingAsync("we say early when we will miss a date.");
        await playground.ScreenshotAsync("charter-shown");
    }

    [Fact]
    public async Task A_member_adds_an_action_and_completes_it_from_the_list()
    {
        await using var playground = await stack.OpenPlaygroundAsync();
        await playground.OpenAsync(PlaygroundPage.TeamGeneralChannel);
        await playground.CardShowingAsync("Thanks for adding me to this team.");

        await playground.SendAsync("add action", mentionBot: true);
        await playground.FillTextAsync("Add an action item", "Share the release checklist before planning");
        await playground.FillDateAsync("Add an action item", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)));
        await playground.PickFirstAsync("Add an action item");
        await playground.ClickAsync("Add an action item", "Add action");
        await playground.CardShowingAsync("Action added");

        await playground.SendAsync("actions", mentionBot: true);
        await playground.CardShowingAsync("Share the release checklist before planning");
        await playground.ClickAsync("Action items: ", "Complete");
        await playground.CardShowingAsync("Done lately");
        await playground.ScreenshotAsync("actions-completed");
    }
}
