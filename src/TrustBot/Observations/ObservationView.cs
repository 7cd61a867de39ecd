using System.Globalization;
using TrustBot.Cards;
using TrustBot.Domain.Observations;
using TrustBot.Domain.Pulse;

namespace TrustBot.Observations;

/// <summary>How an observation and its parts read on cards, so the list and the confirmation agree.</summary>
public static class ObservationView
{
    /// <summary>The kind's name for people.</summary>
    public static string Kind(ObservationKind kind) => kind switch
    {
        ObservationKind.Interview => "Interview",
        ObservationKind.GoSee => "GoSee",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The effect's name for people.</summary>
    public static string Effect(ObservationEffect effect) => effect switch
    {
        ObservationEffect.Helps => "Helps trust",
        ObservationEffect.Hurts => "Hurts trust",
        ObservationEffect.Neutral => "Neutral",
        _ => throw new ArgumentOutOfRangeException(nameof(effect), effect, null),
    };

    /// <summary>
    /// A calendar day, spelled out. Not the cards' DATE function: that converts an instant to the
    /// reader's time zone, which could move a day west of UTC back by one.
    /// </summary>
    public static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>One observation: kind, date and effect, the factors, then what was seen.</summary>
    public static Container Entry(Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var factors = observation.FactorIds.Select(id => TrustFactors.Find(id)?.Name ?? id);
        return new Container(
        [
            new TextBlock($"{Kind(observation.Kind)} · {Day(observation.ObservedOn)} · {Effect(observation.Effect)}") { Weight = TextWeight.Bolder },
            new TextBlock($"Factors: {string.Join(", ", factors)}") { IsSubtle = true, Spacing = Spacing.None },
            new TextBlock(observation.Text) { Spacing = Spacing.Small },
        ])
        { Separator = true };
    }
}
