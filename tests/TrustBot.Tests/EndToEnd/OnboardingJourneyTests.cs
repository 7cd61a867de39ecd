namespace TrustBot.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class OnboardingJourneyTests(EndToEndFixture stack)
{
    [Fact]
    public async Task Installing_in_the_personal_chat_shows_the_welcome_card_and_its_button_shows_the_commands()
    {
        await using var playground = await stack.OpenPlaygroundAsync();
        await playground.OpenAsync(PlaygroundPage.PersonalChat);

        await playground.CardShowingAsync("Hi, I'm TrustBot");
        await playground.ScreenshotAsync("personal-welcome");

        await playground.ClickAsync("Hi, I'm TrustBot", "Show commands");
        await playground.CardShowingAsync("TrustBot commands");
        await playground.ScreenshotAsync("personal-welcome-show-commands");
    }

    [Fact]
    public async Task Typing_help_in_the_personal_chat_shows_the_help_card()
    {
        await using var playground = await stack.OpenPlaygroundAsync();
        await playground.OpenAsync(PlaygroundPage.PersonalChat);

        await playground.SendAsync("help");

        await playground.CardShowingAsync("TrustBot commands");
        await playground.ScreenshotAsync("personal-help");
    }

    [Fact]
    public async Task Text_the_bot_does_not_know_gets_help_that_says_so()
    {
        await using var playground = await stack.OpenPlaygroundAsync();
        await playground.OpenAsync(PlaygroundPage.PersonalChat);

        await playground.SendAsync("how are we doing?");

        await playground.CardShowingAsync("Sorry, I don't know \"how are we doing?\"");
        await playground.ScreenshotAsync("personal-unknown-text");
    }

    [Fact]
    public async Task In_a_team_channel_the_bot_welcomes_the_team_and_answers_an_at_mention()
    {
        await using var playground = await stack.OpenPlaygroundAsync();
        await playground.OpenAsync(PlaygroundPage.TeamGeneralChannel);

        await playground.CardShowingAsync("Thanks for adding me to this team.");
        // In the welcome's thread: the bot answers help at once, faster than the Playground registers
        // a new post of its own, and it drops an answer to a post it has not registered yet.
        await playground.ReplyAsync("Thanks for adding me to this team.", "help", mentionBot: true);

        var help = await playground.CardShowingAsync("TrustBot commands");
        await playground.ScreenshotAsync("channel-help", help);
    }
}
