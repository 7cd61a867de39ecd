using TrustBot.Cards;
using TrustBot.Domain.Observations;

namespace TrustBot.Observations;

/// <summary>Replaces the observation card once it is saved, showing what was stored.</summary>
public static class ObservationSavedCard
{
    /// <summary>Builds the card.</summary>
    /// <param name="observation">The observation as stored.</param>
    public static AdaptiveCard Build(Observation observation) => new()
    {
        Body =
        [
            new TextBlock("Observation saved") { Weight = TextWeight.Bolder, Size = TextSize.Medium, Color = TextColor.Good },
            ObservationView.Entry(observation),
            new TextBlock("Only the team's leads can read it. Type observations to see the latest, or log observation to add another.")
            {
                IsSubtle = true, Separator = true,
            },
        ],
    };
}
