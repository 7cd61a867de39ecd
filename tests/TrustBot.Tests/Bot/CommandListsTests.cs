using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TrustBot.Bot;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using static TrustBot.Tests.Hosting.TeamsActivities;

namespace TrustBot.Tests.Bot;

/// <summary>
/// The commands a user is shown, in Teams' command menu (manifest/manifest.json) and on the help card,
/// are exactly the commands the running bot's router answers.
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
