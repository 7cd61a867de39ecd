using System.Diagnostics;
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
        var info = new ProcessStartInfo("node", [Path.Combine(RepositoryPaths.Root, "tools", "validate-cards.mjs"), folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
