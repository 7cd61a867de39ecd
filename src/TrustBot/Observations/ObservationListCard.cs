using TrustBot.Cards;
using TrustBot.Domain.Observations;
using TrustBot.Domain.Teams;

namespace TrustBot.Observations;

/// <summary>A team's recent observations, newest first, for a lead in their 1:1 chat.</summary>
public static class ObservationListCard
{
    /// <summary>Builds the card.</summary>
    /// <param name="team">The team.</param>
    /// <param name="newestFirst">The observations to show, newest first.</param>
    public static AdaptiveCard Build(Team team, IReadOnlyList<Observation> newestFirst)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(newestFirst);
        List<CardElement> body =
        [
            CardBlocks.Heading(team.Name is null ? "Observations" : $"Observations: {team.Name}"),
        ];

        if (newestFirst.Count == 0)
        {
            body.Add(new TextBlock("No observations are logged for this team yet. Type log observation to add the first one."));
            return new AdaptiveCard { Body = body };
        }

        body.Add(new TextBlock($"The {newestFirst.Count} most recently logged, newest first. Only the team's leads can read them.") { IsSubtle = true });
        body.AddRange(newestFirst.Select(ObservationView.Entry));
        return new AdaptiveCard { Body = body };
    }
}
