using TrustBot.Bot;
using Microsoft.Extensions.DependencyInjection;
using TrustBot.Tests.Hosting;

namespace TrustBot.Tests.Bot;

public sealed class DialogRouterTests
{
    private sealed class FakeDialog(IReadOnlyList<BotCommand> commands, IReadOnlyList<string> verbs) : IDialog
    {
        public IReadOnlyList<BotCommand> Commands => commands;

        public IReadOnlyList<string> Verbs => verbs;
    }

    private static readonly BotCommand Charter = new("charter", "Show the charter");
    private static readonly BotCommand CharterHistory = new("charter history", "Show earlier charters");

    [Fact]
    public void The_longest_matching_command_wins()
    {
        var router = new DialogRouter([new FakeDialog([Charter, CharterHistory], [])]);

        router.MatchCommand("Charter   History")!.Command.Should().Be(CharterHistory);
        router.MatchCommand("charter")!.Command.Should().Be(Charter);
    }

    [Fact]
    public void What_follows_a_command_is_its_argument()
    {
        var router = new DialogRouter([new FakeDialog([Charter], [])]);

        var match = router.MatchCommand("charter   v2  please");

        match!.Argument.Should().Be("v2 please");
    }

    [Theory]
    [InlineData("charters")]
    [InlineData("the charter")]
    [InlineData(null)]
    public void A_command_must_start_the_text_and_end_at_a_word_boundary(string? text)
    {
        var router = new DialogRouter([new FakeDialog([Charter], [])]);

        router.MatchCommand(text).Should().BeNull();
    }

    [Fact]
    public void Two_dialogs_claiming_one_command_is_a_startup_error()
    {
        var act = () => new DialogRouter([new FakeDialog([Charter], []), new FakeDialog([Charter], [])]);

        act.Should().Throw<InvalidOperationException>().WithMessage("*'charter'*");
    }

    [Fact]
    public void Two_dialogs_claiming_one_verb_is_a_startup_error()
    {
        var act = () => new DialogRouter([new FakeDialog([], ["pulse.submit"]), new FakeDialog([], ["pulse.submit"])]);

        act.Should().Throw<InvalidOperationException>().WithMessage("*'pulse.submit'*");
    }

    [Fact]
    public void Verbs_are_matched_exactly()
    {
        var dialog = new FakeDialog([], ["pulse.submit"]);
        var router = new DialogRouter([dialog]);

        router.DialogForVerb("pulse.submit").Should().BeSameAs(dialog);
        router.DialogForVerb("PULSE.SUBMIT").Should().BeNull();
        router.DialogForVerb(null).Should().BeNull();
    }

    [Fact]
    public void Every_command_in_the_catalogue_is_answered_by_a_registered_dialog()
    {
        using var host = new TrustBotHost(TrustBotHost.Settings("UseDevelopmentStorage=true", "unused"));

        var router = host.Services.GetRequiredService<DialogRouter>();

        router.Commands.Should().BeEquivalentTo(BotCommands.All);
    }
}
