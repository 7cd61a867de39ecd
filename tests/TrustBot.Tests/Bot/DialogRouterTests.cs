using Microsoft.Extensions.DependencyInjection;
using TrustBot.Bot;
using TrustBot.Cards;
using TrustBot.Tests.Hosting;

namespace TrustBot.Tests.Bot;

public sealed class DialogRouterTests
{
    private sealed class FakeDialog(IReadOnlyList<BotCommand> commands, IReadOnlyList<string> verbs) : IDialog
    {
        public static readonly AdaptiveCard Answer = NoticeCard.Build("Fake", "Answered by the fake dialog.");

        public void DeclareRoutes(DialogRoutes routes)
        {
            foreach (var command in commands)
            {
                routes.Command(command, (_, _) => Task.CompletedTask);
            }

            foreach (var verb in verbs)
            {
                routes.Verb(verb, (_, _) => Task.FromResult(Answer));
            }
        }
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
        var router = new DialogRouter([new FakeDialog([], ["pulse.submit"])]);

        router.HandlerForVerb("pulse.submit").Should().NotBeNull();
        router.HandlerForVerb("PULSE.SUBMIT").Should().BeNull();
        router.HandlerForVerb(null).Should().BeNull();
    }

    [Fact]
    public void Every_command_in_the_catalogue_is_answered_by_a_registered_dialog()
    {
        using var host = new TrustBotHost(TrustBotHost.Settings("UseDevelopmentStorage=true", "unused"));

        var router = host.Services.GetRequiredService<DialogRouter>();

        router.Commands.Should().BeEquivalentTo(BotCommands.All);
    }
}
