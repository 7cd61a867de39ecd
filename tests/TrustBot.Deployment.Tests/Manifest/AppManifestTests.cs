using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TrustBot.Bot;
using TrustBot.Deployment.Tests.Support;

namespace TrustBot.Deployment.Tests.Manifest;

/// <summary>manifest/manifest.json: the Teams app manifest, checked against the commands the bot really answers.</summary>
public sealed partial class AppManifestTests
{
    public const string SchemaVersion = "1.30";

    private static readonly string[] Scopes = ["personal", "team", "groupChat"];

    // Commands that only make sense in the 1:1 chat: answering a pulse, and a lead's private notes.
    private static readonly BotCommand[] PersonalOnly = [BotCommands.Pulse, BotCommands.CheckIn, BotCommands.LogObservation, BotCommands.Observations, BotCommands.IncidentWebhook];

    private static JsonObject Template => JsonNode.Parse(File.ReadAllText(Repo.File("manifest", "manifest.json")))!.AsObject();

    private static JsonObject Bot => Template["bots"]!.AsArray().Single()!.AsObject();

    private static IEnumerable<(string Scope, string Title, string Description)> ManifestCommands() =>
        from list in Bot["commandLists"]!.AsArray()
        from scope in list!["scopes"]!.AsArray()
        from command in list["commands"]!.AsArray()
        select ((string)scope!, (string)command!["title"]!, (string)command["description"]!);

    /// <summary>Every command the bot answers, read by reflection so the test sees what the router sees.</summary>
    private static IReadOnlyList<BotCommand> Answered() =>
        (IReadOnlyList<BotCommand>)typeof(BotCommands).GetProperty(nameof(BotCommands.All), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    [Fact]
    public void The_dashboard_is_a_personal_tab_and_a_channel_or_chat_tab_signing_in_with_its_Entra_app()
    {
        var personal = Template["staticTabs"]!.AsArray().Select(tab => tab!.AsObject()).ToList();
        personal.Should().ContainSingle(tab => (string)tab["contentUrl"]! == "https://{{BOT_DOMAIN}}/tabs/dashboard");
        personal.Select(tab => (string)tab["entityId"]!).Should().Contain("conversations", "the bot's 1:1 chat stays beside the tab");
        var configurable = Template["configurableTabs"]!.AsArray().Single()!;
        ((string)configurable["configurationUrl"]!).Should().Be("https://{{BOT_DOMAIN}}/tabs/dashboard/configure");
        configurable["scopes"]!.AsArray().Select(scope => (string)scope!).Should().BeEquivalentTo("team", "groupChat");
        Template["webApplicationInfo"]!["id"]!.GetValue<string>().Should().Be("{{SSO_APP_ID}}", "scripts/package-app fills it in, by default with BOT_ID");
        Template["webApplicationInfo"]!["resource"]!.GetValue<string>().Should().Be("api://{{BOT_DOMAIN}}/{{SSO_APP_ID}}", "Teams SSO asks for a token for this Application ID URI (Dashboard:ApplicationIdUri)");
    }

    [Fact]
    public void The_manifest_is_on_the_schema_version_recorded_in_its_readme()
    {
        Template["manifestVersion"]!.GetValue<string>().Should().Be(SchemaVersion);
        Template["$schema"]!.GetValue<string>().Should().Be($"https://developer.microsoft.com/json-schemas/teams/v{SchemaVersion}/MicrosoftTeams.schema.json");
        File.ReadAllText(Repo.File("manifest", "README.md")).Should().Contain($"`{SchemaVersion}`");
    }

    [Fact]
    public void Ids_are_placeholders_that_the_package_script_fills()
    {
        Template["id"]!.GetValue<string>().Should().Be("{{TEAMS_APP_ID}}");
        Bot["botId"]!.GetValue<string>().Should().Be("{{BOT_ID}}");
        Template["validDomains"]!.AsArray().Select(d => (string)d!).Should().Equal("{{BOT_DOMAIN}}");

        var placeholders = PlaceholderPattern().Matches(File.ReadAllText(Repo.File("manifest", "manifest.json"))).Select(m => m.Value).Distinct();
        var filled = File.ReadAllText(Repo.File("scripts", "package-app"));
        placeholders.Should().OnlyContain(p => filled.Contains(p.Trim('{', '}'), StringComparison.Ordinal),
            "scripts/package-app must fill every placeholder of the template");
    }

    [Fact]
    public void The_bot_is_installed_in_personal_team_and_group_chat_scopes()
    {
        Bot["scopes"]!.AsArray().Select(s => (string)s!).Should().BeEquivalentTo(Scopes);
        Bot["isNotificationOnly"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public void Every_scope_has_one_command_list_of_at_most_ten_distinct_commands()
    {
        var lists = Bot["commandLists"]!.AsArray().Select(l => l!.AsObject()).ToList();

        lists.SelectMany(l => l["scopes"]!.AsArray().Select(s => (string)s!)).Should().BeEquivalentTo(Scopes, "each scope gets exactly one list");
        foreach (var list in lists)
        {
            var titles = list["commands"]!.AsArray().Select(c => (string)c!["title"]!).ToList();
            titles.Should().HaveCountLessThanOrEqualTo(10).And.OnlyHaveUniqueItems();
            titles.Should().OnlyContain(t => t.Length <= 32);
        }
    }

    [Fact]
    public void Every_command_in_the_manifest_is_one_the_bot_answers_with_the_same_description()
    {
        var answered = Answered().ToDictionary(c => c.Text, c => c.Description);

        foreach (var (scope, title, description) in ManifestCommands())
        {
            answered.Should().ContainKey(title, $"the {scope} list offers '{title}', so the bot must answer it (BotCommands.All)");
            description.Should().Be(answered[title], $"'{title}' is described once, in BotCommands; copy its description to manifest/manifest.json");
            description.Length.Should().BeLessThanOrEqualTo(128);
        }
    }

    [Fact]
    public void Every_command_the_bot_answers_is_offered_in_at_least_one_scope()
    {
        var offered = ManifestCommands().Select(c => c.Title).ToHashSet();

        Answered().Select(c => c.Text).Should().OnlyContain(text => offered.Contains(text),
            "every command in BotCommands.All must be listed in manifest/manifest.json's commandLists (personal, team and/or groupChat)");
    }

    [Fact]
    public void BotCommands_All_holds_every_command_the_class_declares()
    {
        var declared = typeof(BotCommands).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(BotCommand))
            .Select(f => (BotCommand)f.GetValue(null)!);

        Answered().Should().BeEquivalentTo(declared);
    }

    [Fact]
    public void Commands_for_the_one_to_one_chat_are_not_offered_in_channels_or_group_chats()
    {
        var shared = ManifestCommands().Where(c => c.Scope != "personal").Select(c => c.Title);

        shared.Should().NotIntersectWith(PersonalOnly.Select(c => c.Text));
        ManifestCommands().Where(c => c.Scope != "personal").Select(c => c.Title).Should().Contain(BotCommands.Help.Text);
    }

    [Fact]
    public void Names_descriptions_and_accent_colour_fit_Teams_limits_and_tell_the_five_stages()
    {
        Template["name"]!["short"]!.GetValue<string>().Length.Should().BeLessThanOrEqualTo(30);
        Template["name"]!["full"]!.GetValue<string>().Length.Should().BeLessThanOrEqualTo(100);
        Template["description"]!["short"]!.GetValue<string>().Length.Should().BeLessThanOrEqualTo(80);
        var full = Template["description"]!["full"]!.GetValue<string>();
        full.Length.Should().BeLessThanOrEqualTo(4000);
        full.Should().ContainAll("Awareness", "Definition", "Factors", "Actions", "Recovery", "anonymous");
        Template["accentColor"]!.GetValue<string>().Should().MatchRegex("^#[0-9A-Fa-f]{6}$");
        Template["icons"]!["color"]!.GetValue<string>().Should().Be("color.png");
        Template["icons"]!["outline"]!.GetValue<string>().Should().Be("outline.png");
    }

    [GeneratedRegex(@"\{\{[A-Z_]+\}\}")]
    private static partial Regex PlaceholderPattern();
}
