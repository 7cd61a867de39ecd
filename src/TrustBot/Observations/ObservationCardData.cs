using System.Text.Json.Nodes;
using TrustBot.Cards;

namespace TrustBot.Observations;

/// <summary>
/// What the observation card sends back: the team it was built for and the lead's inputs. Nothing
/// here is trusted: the server checks that the sender leads that team on every save.
/// </summary>
/// <param name="TeamId">The team the card says it belongs to.</param>
/// <param name="Form">The inputs as text; null when some could not be read at all.</param>
public sealed record ObservationCardData(string TeamId, ObservationForm? Form)
{
    /// <summary>The data the card's save button carries.</summary>
    public static object For(string teamId) => new { teamId };

    /// <summary>Reads the invoke's data; null when it does not name a well-formed team (a tampered or foreign card).</summary>
    public static ObservationCardData? Read(JsonObject? data)
    {
        if (data is not { } json || CardSubmit.TeamIdOf(json) is not { } teamId)
        {
            return null;
        }

        return CardSubmit.TryReadText(json, ObservationCard.KindInput, out var kind)
            && CardSubmit.TryReadText(json, ObservationCard.WhatInput, out var text)
            && CardSubmit.TryReadText(json, ObservationCard.FactorsInput, out var factors)
            && CardSubmit.TryReadText(json, ObservationCard.EffectInput, out var effect)
            && CardSubmit.TryReadText(json, ObservationCard.DayInput, out var observedOn)
                ? new ObservationCardData(teamId, new ObservationForm(kind, text, factors, effect, observedOn))
                : new ObservationCardData(teamId, null);
    }
}
