using Microsoft.Playwright;

namespace TrustBot.Tests.EndToEnd;

/// <summary>What a person does in the Agents Playground, in their words: open a chat, type, click, look.</summary>
public sealed class PlaygroundPage(IPage page, string screenshots) : IAsyncDisposable
{
    /// <summary>The name the mock team in .m365agentsplayground.yml gives the bot.</summary>
    public const string BotName = "TrustBot";

    public const string PersonalChat = "Personal Chat";
    public const string GroupChat = "TrustBot Group Chat";
    public const string TeamGeneralChannel = "TrustBot Team - General";

    /// <summary>The mock team's id in .m365agentsplayground.yml.</summary>
    public const string TeamId = "19:general-trustbot@thread.tacv2";

    /// <summary>Opens a conversation from the left rail.</summary>
    public Task OpenAsync(string conversation) =>
        page.GetByRole(AriaRole.Treeitem, new() { Name = conversation, Exact = true }).ClickAsync();

    /// <summary>Types a message and sends it; in channels and group chats the bot is @mentioned first.</summary>
    /// <remarks>
    /// In a channel this starts a new post. The Playground shows the bot's answer to a new post only
    /// if it has registered the post (on the response to its own send) before the answer arrives on
    /// its websocket; an answer that comes first is dropped. Where the bot answers quickly, reply in
    /// a post already shown instead (<see cref="ReplyAsync"/>).
    /// </remarks>
    public Task SendAsync(string text, bool mentionBot = false) =>
        TypeAndSendAsync(page.Locator(Editor).First, text, mentionBot);

    /// <summary>
    /// Replies in the channel thread of the latest post that shows the text, @mentioning the bot first
    /// if asked. The post is on screen already, so the Playground can always place the bot's answer.
    /// </summary>
    public async Task ReplyAsync(string postText, string text, bool mentionBot = false)
    {
        // A post is a card with its own reply box; posts are listed newest first, under the new-post box.
        var post = page.Locator(".fui-Card").Filter(new() { HasText = postText }).Filter(new() { Has = page.Locator(Editor) }).First;
        await TypeAndSendAsync(post.Locator(Editor).Last, text, mentionBot);
    }

    private const string Editor = "[data-lexical-editor=\"true\"][contenteditable=\"true\"]";

    private async Task TypeAndSendAsync(ILocator editor, string text, bool mentionBot)
    {
        await editor.ClickAsync();
        if (mentionBot)
        {
            await page.Keyboard.TypeAsync("@");
            await page.GetByRole(AriaRole.Menuitem).Filter(new() { HasTextRegex = new(@$"^\s*{BotName}\s*$") }).First.ClickAsync();
            await page.Keyboard.TypeAsync(" ");
        }

        await page.Keyboard.TypeAsync(text);
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>Waits for a rendered Adaptive Card that shows the text, and returns the latest such card.</summary>
    public async Task<ILocator> CardShowingAsync(string text)
    {
        var card = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = text }).Last;
        await card.WaitForAsync();
        return card;
    }

    /// <summary>Waits for a rendered Adaptive Card that shows the text but not <paramref name="butNot"/>, and returns the latest such card.</summary>
    public async Task<ILocator> CardShowingAsync(string text, string butNot)
    {
        var card = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = text }).Filter(new() { HasNotText = butNot }).Last;
        await card.WaitForAsync();
        return card;
    }

    /// <summary>Clicks a button on the latest card that shows the text.</summary>
    public async Task ClickAsync(string cardText, string button)
    {
        var card = await CardShowingAsync(cardText);
        await card.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).First.ClickAsync();
    }

    /// <summary>Picks the same point (1–5) for every Likert item of the latest card that shows the text.</summary>
    public async Task AnswerEveryItemAsync(string cardText, int point)
    {
        var card = await CardShowingAsync(cardText);
        var radios = card.Locator("input[type=radio]");
        var count = await radios.CountAsync();
        count.Should().BeGreaterThan(0).And.Match(n => n % 5 == 0, "every item offers the five Likert points");
        var picks = Enumerable.Range(0, count / 5).Select(item => radios.Nth((item * 5) + point - 1)).ToList();

        // The Playground may render a card that just replaced another once more right after it
        // appears, which puts the card's own values (a changed answer's earlier points) back into
        // the items already picked. Picking is idempotent, so pick until every item holds the point.
        for (var pass = 0; pass < 3; pass++)
        {
            foreach (var pick in picks)
            {
                await pick.CheckAsync(new() { Force = true });
            }

            var held = true;
            foreach (var pick in picks)
            {
                held &= await pick.IsCheckedAsync();
            }

            if (held)
            {
                return;
            }
        }

        throw new InvalidOperationException($"The items of the card showing \"{cardText}\" did not keep point {point} after three passes.");
    }

    /// <summary>Types into the first text box of the latest card that shows the text.</summary>
    public async Task FillTextAsync(string cardText, string value)
    {
        var card = await CardShowingAsync(cardText);
        await card.Locator("textarea, input[type=text]").First.FillAsync(value);
    }

    /// <summary>Types into the text box with the given label on the latest card that shows the text.</summary>
    public async Task FillAsync(string cardText, string label, string value)
    {
        var card = await CardShowingAsync(cardText);
        await card.GetByLabel(label).FillAsync(value);
    }

    /// <summary>Opens the drop-down whose label starts with the given words on the latest card that shows the text, and picks an option.</summary>
    public async Task ChooseAsync(string cardText, string label, string option)
    {
        var card = await CardShowingAsync(cardText);
        // Matched as the name's first word: "On" anywhere would match "Time zone" too.
        await card.GetByRole(AriaRole.Combobox, new() { NameRegex = new(@$"^{System.Text.RegularExpressions.Regex.Escape(label)}\b") }).ClickAsync();
        // The Playground draws the open list outside the card.
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    /// <summary>Sets the first date input of the latest card that shows the text.</summary>
    public async Task FillDateAsync(string cardText, DateOnly day)
    {
        var card = await CardShowingAsync(cardText);
        // The Playground draws Input.Date as a text box with a "Select a date..." picker.
        var input = card.Locator("input[type=date], input[placeholder*='date' i]").First;
        await input.FillAsync(TrustBot.Domain.FormFormats.FormatDay(day));
    }

    /// <summary>Ticks the first <paramref name="count"/> checkboxes of the latest card that shows the text.</summary>
    public async Task TickAsync(string cardText, int count)
    {
        var card = await CardShowingAsync(cardText);
        for (var i = 0; i < count; i++)
        {
            await card.Locator("input[type=checkbox]").Nth(i).CheckAsync(new() { Force = true });
        }
    }

    /// <summary>Picks the option (a radio button, or a checkbox of a multi-select) with the given label on the latest card that shows the text.</summary>
    public async Task PickAsync(string cardText, string option)
    {
        var card = await CardShowingAsync(cardText);
        // By the option's own label: the Playground names each checkbox after the question as well.
        var label = card.Locator("label").Filter(new() { HasTextRegex = new($"^{System.Text.RegularExpressions.Regex.Escape(option)}$") });
        await label.CheckAsync();
    }

    /// <summary>Picks the first radio button of the latest card that shows the text.</summary>
    public async Task PickFirstAsync(string cardText)
    {
        var card = await CardShowingAsync(cardText);
        await card.Locator("input[type=radio]").First.CheckAsync(new() { Force = true });
    }

    /// <summary>Saves what the screen shows now under the test results folder.</summary>
    public Task ScreenshotAsync(string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, name + ".png") });

    /// <summary>Scrolls the conversation so that the card starts at the top of the screen, then saves a screenshot.</summary>
    public async Task ScreenshotAsync(string name, ILocator card)
    {
        ArgumentNullException.ThrowIfNull(card);
        await card.EvaluateAsync("card => card.scrollIntoView({ block: 'start' })");
        await ScreenshotAsync(name);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => new(page.Context.CloseAsync());
}
