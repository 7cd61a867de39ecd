using TrustBot.Testing;
using TrustBot.Deployment.Tests.Support;

namespace TrustBot.Deployment.Tests.Manifest;

/// <summary>scripts/package-app: the one command that builds appPackage.zip.</summary>
public sealed class AppPackageTests(AppPackageFixture package) : IClassFixture<AppPackageFixture>
{
    [Fact]
    public void The_package_holds_exactly_the_manifest_and_the_two_icons()
    {
        package.Result.ExitCode.Should().Be(0, package.Result.All);
        package.Entries.Keys.Should().BeEquivalentTo("manifest.json", "color.png", "outline.png");
        package.Result.All.Should().Contain(package.ZipPath, "the script says where it wrote the package");
    }

    [Fact]
    public void The_packaged_manifest_has_the_bot_id_and_domain_filled_in()
    {
        var manifest = package.Manifest;

        Guid.TryParse(manifest["id"]!.GetValue<string>(), out _).Should().BeTrue();
        manifest["id"]!.GetValue<string>().Should().Be(AppPackageFixture.BotId, "the Teams app id defaults to the bot id");
        manifest["bots"]![0]!["botId"]!.GetValue<string>().Should().Be(AppPackageFixture.BotId);
        manifest["validDomains"]!.AsArray().Select(d => (string)d!).Should().Equal(AppPackageFixture.BotDomain);
        manifest["version"]!.GetValue<string>().Should().Be("1.0.0");
        manifest["developer"]!["privacyUrl"]!.GetValue<string>().Should().Be($"https://{AppPackageFixture.BotDomain}/");
        manifest.ToJsonString().Should().NotContain("{{");
    }

    [Fact]
    public void The_packaged_icons_are_the_committed_ones()
    {
        package.Entries["color.png"].Should().Equal(File.ReadAllBytes(Repo.File("manifest", "color.png")));
        package.Entries["outline.png"].Should().Equal(File.ReadAllBytes(Repo.File("manifest", "outline.png")));
    }

    [Theory]
    [InlineData(null, "example.com", "BOT_ID is not set")]
    [InlineData("not-a-guid", "example.com", "BOT_ID must be a GUID")]
    [InlineData("6b0e7f3c-2d4a-4c1b-9e8f-0a1b2c3d4e5f", null, "BOT_DOMAIN is not set")]
    [InlineData("6b0e7f3c-2d4a-4c1b-9e8f-0a1b2c3d4e5f", "https://bot.example.com/api", "BOT_DOMAIN must be a host name")]
    [InlineData("6b0e7f3c-2d4a-4c1b-9e8f-0a1b2c3d4e5f", "bot.example.com:443", "BOT_DOMAIN must be a host name")]
    public async Task Missing_or_malformed_settings_stop_the_script_with_what_to_set(string? botId, string? botDomain, string message)
    {
        var folder = Repo.TempFolder("bad-package");
        try
        {
            var run = await Run.Async("bash", [Repo.File("scripts", "package-app"), Path.Combine(folder, "appPackage.zip")], Repo.Root,
                new Dictionary<string, string?> { ["BOT_ID"] = botId, ["BOT_DOMAIN"] = botDomain });

            run.ExitCode.Should().Be(2);
            run.All.Should().Contain(message);
            File.Exists(Path.Combine(folder, "appPackage.zip")).Should().BeFalse();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_script_is_executable_and_documented_in_readme()
    {
        Repo.IsExecutable(Repo.File("scripts", "package-app")).Should().BeTrue();
        var readme = File.ReadAllText(Repo.File("README.md"));
        readme.Should().Contain("scripts/package-app").And.Contain("artifacts/appPackage.zip");
    }
}
