using TrustBot.Cards;
using TrustBot.Domain.Definition;
using TrustBot.Domain.Teams;

namespace TrustBot.Definition;

/// <summary>
/// The welcome a member gets in their 1:1 chat when they join a team that has a trust charter:
/// what the team agreed trust means there, and how to propose a change to it.
/// </summary>
public static class CharterWelcomeCard
{
    /// <summary>Builds the card.</summary>
    /// <param name="team">The team they joined.</param>
    /// <param name="charter">Its current charter.</param>
    public static AdaptiveCard Build(Team team, TrustCharter charter)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(charter);
        return new AdaptiveCard
        {
            Body =
            [
                CardBlocks.Heading(team.Name is null ? "Welcome to the team" : $"Welcome to {team.Name}"),
                new TextBlock(
                    "I'm TrustBot: I help this team build and keep trust. The team agreed on what trust means here, and this is its trust charter. " +
                    "Now and then I'll send you a short, anonymous check-in, which includes whether we live by it."),
                CharterCard.Version(charter),
                new TextBlock($"Type {Bot.BotCommands.Charter.Text} to read it again, or help to see what else I do.") { IsSubtle = true },
            ],
            Actions = [CharterCard.ProposeChange(team.Id, team.Name)],
        };
    }
}
