using TrustBot.Bot;
using TrustBot.Cards;
using TrustBot.Domain.Framework;

namespace TrustBot.Onboarding;

/// <summary>The card TrustBot introduces itself with when it is installed.</summary>
public static class WelcomeCard
{
    /// <summary>Builds the card for the scope it was installed in.</summary>
    public static AdaptiveCard Build(ConversationScope scope) => new()
    {
        Body =
        [
            CardBlocks.Heading("Hi, I'm TrustBot"),
            new TextBlock(Introduction(scope)),
            new TextBlock("How we build trust, in five stages") { Weight = TextWeight.Bolder, Spacing = Spacing.Medium },
            new FactSet([.. TrustStage.All.Select(s => new Fact($"{s.Number}. {s.Name}", s.Summary))]),
            new TextBlock("Answers to check-ins are anonymous: nobody, leads included, sees what one person said, " +
                          "and numbers only appear once enough people have answered.")
            {
                IsSubtle = true,
                Spacing = Spacing.Medium,
            },
        ],
        Actions = [new ExecuteAction("Show commands", HelpDialog.ShowVerb)],
    };

    private static string Introduction(ConversationScope scope) => scope switch
    {
        ConversationScope.Channel =>
            "Thanks for adding me to this team. I help you build trust and restore it when it takes a hit. " +
            "I'll check in with each of you privately, and share what the team sees here.",
        ConversationScope.GroupChat =>
            "Thanks for adding me to this chat. I help you build trust and restore it when it takes a hit. " +
            "I'll check in with each of you privately, and share what the group sees here.",
        _ =>
            "I help your team build trust and restore it when it takes a hit. " +
            "This is where I'll send you short, anonymous check-ins.",
    };
}
