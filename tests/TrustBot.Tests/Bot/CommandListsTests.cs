using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TrustBot.Bot;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using static TrustBot.Tests.Hosting.TeamsActivities;

namespace TrustBot.Tests.Bot;

/// <summary>
/// The commands a user is shown, in Teams' command menu (manifest/manifest.json) and on the help card,
/// are exactly the commands the dialogs declare (<see cref="IDialog.DeclareRoutes"/>), which the router answers.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CommandListsTests(AzuriteFixture azurite) : IDisposable
{
    private readonly TrustBotHost _host = TrustBotHost.OnAzurite(azurite.ConnectionString, azurite.UniquePrefix());

    private DialogRouter Router => _host.Services.GetRequiredService<DialogRouter>();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void Every_command_in_the_manifests_command_lists_is_one_the_router_answers()
    {
        var offered = ManifestCommands();

        offered.Should().NotBeEmpty();
        foreach (var (scope, title) in offered)
        {
            AnswersExactly(title).Should().BeTrue($"Teams offers '{title}' in the {scope} command menu, so the bot must answer it");
        }
    }

    /// <summary>
    /// Declared commands deliberately offered in no command menu. Empty today: each of the 25 is in
    /// the menu of at least one scope. A scope's menu holds at most 10 commands (the manifest schema's
    /// limit), so most commands are missing from some scope's menu; they still work there when typed,
    /// and the help card lists them all.
    /// </summary>
    private static readonly string[] KeptOutOfEveryMenu = [];

    /// <summary>The most commands the Teams app manifest allows in one scope's command list.</summary>
    private const int MenuLimit = 10;

    [Fact]
    public void Every_declared_command_is_in_some_scopes_command_menu_unless_kept_out_on_purpose()
    {
        var offered = ManifestCommands().Select(c => c.Title).ToHashSet(StringComparer.Ordinal);

        var missing = Router.Commands.Select(c => c.Text).Where(text => !offered.Contains(text));

        missing.Should().BeEquivalentTo(KeptOutOfEveryMenu, "a command no menu offers must be named in KeptOutOfEveryMenu, with the reason");
    }

    [Fact]
    public void A_scopes_menu_leaves_declared_commands_out_only_because_it_is_full()
    {
        foreach (var scope in ManifestCommands().GroupBy(c => c.Scope))
        {
            var listed = scope.Select(c => c.Title).ToList();
            listed.Should().OnlyHaveUniqueItems($"the {scope.Key} menu lists each command once");
            listed.Count.Should().BeLessThanOrEqualTo(MenuLimit, $"the manifest allows {MenuLimit} commands per scope");
            if (Router.Commands.Any(c => !listed.Contains(c.Text)))
            {
                listed.Should().HaveCount(MenuLimit, $"the {scope.Key} menu leaves declared commands out, so it should use all {MenuLimit} places");
            }
        }
    }

    [Fact]
    public async Task The_help_card_lists_exactly_the_commands_the_router_answers()
    {
        var listed = await HelpCardCommandsAsync();

        listed.Should().OnlyContain(text => AnswersExactly(text), "the help card must only list commands the bot answers");
        listed.Should().BeEquivalentTo(Router.Commands.Select(c => c.Text), "every command the bot answers is on the help card");
    }

    [Fact]
    public async Task Every_command_in_the_manifest_is_on_the_help_card()
    {
        var listed = await HelpCardCommandsAsync();

        ManifestCommands().Select(c => c.Title).Distinct().Should().BeSubsetOf(listed);
    }

    // The router matches the whole text to this very command ("check in" is not "check" with an argument).
    private bool AnswersExactly(string text) => Router.MatchCommand(text) is { Argument: "" } match && match.Command.Text == text;

    private static List<(string Scope, string Title)> ManifestCommands()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "manifest", "manifest.json")))!;
        return [.. from list in manifest["bots"]![0]!["commandLists"]!.AsArray()
                   from scope in list!["scopes"]!.AsArray()
                   from command in list["commands"]!.AsArray()
                   select ((string)scope!, (string)command!["title"]!)];
    }

    /// <summary>The command names (fact titles) of the card the bot replies to <c>help</c> with.</summary>
    private async Task<List<string>> HelpCardCommandsAsync()
    {
        var replies = await _host.CreateClient().PostExpectingRepliesAsync(PersonalMessage("help"));
        var card = CardOf(replies.Single());
        return [.. card!["body"]!.AsArray()
            .Where(element => (string?)element!["type"] == "FactSet")
            .SelectMany(factSet => factSet!["facts"]!.AsArray())
            .Select(fact => (string)fact!["title"]!)];
    }
}
