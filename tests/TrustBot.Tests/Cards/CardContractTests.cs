using TrustBot.Testing;

namespace TrustBot.Tests.Cards;

/// <summary>
/// Every card the bot sends is parsed by the official Adaptive Cards renderer (npm
/// <c>adaptivecards</c>) as version 1.5; any parse or validation event fails the test.
/// </summary>
public sealed class CardContractTests
{
    [Fact]
    public async Task Every_card_parses_cleanly_in_the_official_renderer()
    {
        var folder = RepositoryPaths.TestResults("cards");
        foreach (var file in Directory.GetFiles(folder, "*.json"))
        {
            File.Delete(file);
        }

        var cards = SampleCards.All().ToList();
        foreach (var (name, card) in cards)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".json"), card.ToJson());
        }

        var (exitCode, output) = await RunValidatorAsync(folder);

        output.Should().Contain($"{cards.Count} cards checked, 0 problems");
        exitCode.Should().Be(0, output);
    }

    [Fact]
    public async Task The_renderer_check_itself_catches_a_broken_card()
    {
        var folder = Path.Combine(Path.GetTempPath(), "trustbot-broken-card-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "broken.json"),
            """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlok","text":"x"}]}""");

        var (exitCode, output) = await RunValidatorAsync(folder);

        exitCode.Should().Be(1);
        output.Should().Contain("UnknownElementType");
    }

    private static async Task<(int ExitCode, string Output)> RunValidatorAsync(string folder)
    {
        var run = await Run.Async("node", [Path.Combine(RepositoryPaths.Root, "tools", "validate-cards.mjs"), folder], RepositoryPaths.Root);
        return (run.ExitCode, run.All);
    }
}
