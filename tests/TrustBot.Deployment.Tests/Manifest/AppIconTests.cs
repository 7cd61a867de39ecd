using TrustBot.Testing;
using TrustBot.Deployment.Tests.Support;

namespace TrustBot.Deployment.Tests.Manifest;

/// <summary>The two icons Teams asks for, drawn by manifest/draw-icons.mjs.</summary>
public sealed class AppIconTests
{
    private static Png Color => Png.Read(Repo.File("manifest", "color.png"));

    private static Png Outline => Png.Read(Repo.File("manifest", "outline.png"));

    [Fact]
    public void The_colour_icon_is_192_by_192_and_opaque()
    {
        Color.Width.Should().Be(192);
        Color.Height.Should().Be(192);
        Color.Pixels().Should().OnlyContain(p => p.A == 255, "the colour icon is full bleed, with no see-through pixels");
        Color.Pixels().Select(p => (p.R, p.G, p.B)).Distinct().Should().HaveCountGreaterThan(2, "it shows a symbol, not a blank square");
    }

    [Fact]
    public void The_outline_icon_is_32_by_32_white_on_transparent()
    {
        Outline.Width.Should().Be(32);
        Outline.Height.Should().Be(32);
        Outline.Pixels().Where(p => p.A > 0).Should().OnlyContain(p => p.R == 255 && p.G == 255 && p.B == 255, "every visible pixel is white");
        Outline.Pixels().Count(p => p.A == 0).Should().BeGreaterThan(32 * 32 / 3, "the background is transparent");
        Outline.Pixels().Count(p => p.A == 255).Should().BeGreaterThan(50, "the outline is drawn");
        Outline[0, 0].A.Should().Be(0);
    }

    [Fact]
    public async Task The_committed_icons_are_exactly_what_the_drawing_script_draws()
    {
        var folder = Repo.TempFolder("icons");
        try
        {
            var run = await Run.Async("node", [Repo.File("manifest", "draw-icons.mjs"), folder], Repo.Root);
            run.ExitCode.Should().Be(0, run.All);

            Png.Read(Path.Combine(folder, "color.png")).Rgba.Should().Equal(Color.Rgba, "run `node manifest/draw-icons.mjs` after changing the drawing");
            Png.Read(Path.Combine(folder, "outline.png")).Rgba.Should().Equal(Outline.Rgba, "run `node manifest/draw-icons.mjs` after changing the drawing");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
