using TrustBot.Cards;
using TrustBot.Domain;
using TrustBot.Domain.Observations;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Teams;

namespace TrustBot.Observations;

/// <summary>The card a lead fills in, in their 1:1 chat, to log an interview or GoSee observation.</summary>
public static class ObservationCard
{
    /// <summary>The verb of the save button.</summary>
    public const string SaveVerb = "observation.save";

    /// <summary>Input id of the kind (interview or GoSee).</summary>
    public const string KindInput = "kind";

    /// <summary>Input id of what was seen or heard.</summary>
    public const string WhatInput = "text";

    /// <summary>Input id of the factors it bears on.</summary>
    public const string FactorsInput = "factors";

    /// <summary>Input id of helps, hurts or neutral.</summary>
    public const string EffectInput = "effect";

    /// <summary>Input id of the day it was seen or heard.</summary>
    public const string DayInput = "observedOn";

    /// <summary>Builds the card, filled in with <paramref name="form"/>.</summary>
    /// <param name="team">The team the observation is about.</param>
    /// <param name="form">What to fill the inputs with: a blank form, or what was sent when it was refused.</param>
    /// <param name="problem">Why the last save was refused, shown on top.</param>
    public static AdaptiveCard Build(Team team, ObservationForm form, string? problem = null)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(form);
        List<CardElement> body =
        [
            CardBlocks.Heading(team.Name is null ? "Log an observation" : $"Log an observation: {team.Name}"),
            new TextBlock("What you saw on the floor or heard in a conversation, tagged with the trust factors it bears on. " +
                          "Only the team's leads can read it.") { IsSubtle = true },
        ];

        if (problem is not null)
        {
            body.Add(CardBlocks.Problems(problem));
        }

        body.Add(new ChoiceSetInput(KindInput, [.. Enum.GetValues<ObservationKind>().Select(kind => new Choice(ObservationView.Kind(kind), kind.ToString()))])
        {
            Label = "Where did it come from?",
            Style = ChoiceInputStyle.Expanded,
            IsRequired = true,
            ErrorMessage = "Please pick interview or GoSee.",
            Value = form.Kind,
        });
        body.Add(new TextInput(WhatInput)
        {
            Label = "What did you see or hear?",
            Placeholder = "Facts rather than judgements: who did what, and what happened next.",
            MaxLength = ObservationRules.MaxTextLength,
            IsMultiline = true,
            IsRequired = true,
            ErrorMessage = "Please write down what you saw or heard.",
            Value = form.Text,
        });
        body.Add(new ChoiceSetInput(FactorsInput, [.. TrustFactors.All.Select(f => new Choice(f.Name, f.Id))])
        {
            Label = $"Which trust factors does it bear on? (1 to {ObservationRules.MaxFactors})",
            Style = ChoiceInputStyle.Expanded,
            IsMultiSelect = true,
            IsRequired = true,
            ErrorMessage = "Please pick at least one factor.",
            Value = form.Factors,
        });
        body.Add(new ChoiceSetInput(EffectInput, [.. Enum.GetValues<ObservationEffect>().Select(effect => new Choice(ObservationView.Effect(effect), effect.ToString()))])
        {
            Label = "Does it help or hurt trust?",
            Style = ChoiceInputStyle.Expanded,
            IsRequired = true,
            ErrorMessage = "Please pick one.",
            Value = form.Effect,
        });
        body.Add(new DateInput(DayInput)
        {
            Label = "When?",
            IsRequired = true,
            ErrorMessage = "Please pick the day.",
            // A date the input cannot show would be dropped silently; leave it empty instead so the problem above explains.
            Value = form.Day is { } day ? FormFormats.FormatDay(day) : null,
        });

        return new AdaptiveCard
        {
            Body = body,
            Actions = [new ExecuteAction("Save", SaveVerb) { Data = ObservationCardData.For(team.Id), Style = ActionStyle.Positive }],
        };
    }
}
