using TrustBot.Cards;
using TrustBot.Domain;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Teams;

namespace TrustBot.Recovery.Incidents;

/// <summary>
/// The card on which anyone on the team declares an incident: what happened, how bad, when, the
/// trust factors it hit, and who hears about it.
/// </summary>
public static class IncidentCard
{
    /// <summary>The verb of the declare button.</summary>
    public const string DeclareVerb = "incident.declare";

    /// <summary>Builds the card.</summary>
    /// <param name="team">The team the incident is for.</param>
    /// <param name="form">What to fill the inputs with: a blank form, or what was sent when it was refused.</param>
    /// <param name="problems">Why the last submit was refused, shown on top.</param>
    public static AdaptiveCard Build(Team team, IncidentForm form, IReadOnlyList<string>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(form);
        List<CardElement> body =
        [
            CardBlocks.Heading(team.Name is null ? "Declare an incident" : $"Declare an incident: {team.Name}"),
            new TextBlock("Something that cost the team trust: an outage, a missed commitment, a conflict. Say what happened, not who is to blame.") { IsSubtle = true },
        ];

        if (problems is { Count: > 0 })
        {
            body.Add(CardBlocks.Problems(problems));
        }

        body.Add(new TextInput(IncidentCardData.TitleInput)
        {
            Label = "A short title",
            Placeholder = "e.g. Release slipped without telling support",
            Value = form.Title,
            MaxLength = IncidentRules.MaxTitleLength,
            IsRequired = true,
            ErrorMessage = "Please give the incident a short title.",
        });
        body.Add(new TextInput(IncidentCardData.WhatHappenedInput)
        {
            Label = "What happened?",
            Placeholder = "The facts, in a sentence or two: what was expected, what happened instead, who noticed.",
            Value = form.WhatHappened,
            MaxLength = IncidentRules.MaxDescriptionLength,
            IsMultiline = true,
            IsRequired = true,
            ErrorMessage = "Please say what happened.",
        });
        body.Add(new ChoiceSetInput(IncidentCardData.SeverityInput, [.. Enum.GetValues<IncidentSeverity>().Select(s => new Choice(IncidentView.SeverityChoice(s), s.ToString()))])
        {
            Label = "How bad was it?",
            Style = ChoiceInputStyle.Expanded,
            Value = Known<IncidentSeverity>(form.Severity),
            IsRequired = true,
            ErrorMessage = "Please pick how bad it was.",
        });
        body.Add(new DateInput(IncidentCardData.OccurredOnInput)
        {
            Label = "When did it happen? (day)",
            // A date the input cannot show would be dropped silently; leave it empty instead so the problem above explains.
            Value = FormFormats.ParseDay(form.OccurredOn) is { } day ? FormFormats.FormatDay(day) : null,
            IsRequired = true,
            ErrorMessage = "Please pick the day it happened.",
        });
        body.Add(new TextInput(IncidentCardData.OccurredTimeInput)
        {
            Label = "At what time? (HH:mm, your local time)",
            Placeholder = "14:30",
            Value = form.OccurredTime,
            MaxLength = 5,
            IsRequired = true,
            ErrorMessage = "Please give the time, e.g. 14:30.",
        });
        body.Add(new ChoiceSetInput(IncidentCardData.FactorsInput, [.. TrustFactors.All.Select(f => new Choice(f.Name, f.Id))])
        {
            Label = "Which trust factors did it hit?",
            Style = ChoiceInputStyle.Expanded,
            IsMultiSelect = true,
            Value = IncidentCardData.JoinChoices(IncidentCardData.SplitChoices(form.Factors).Where(id => TrustFactors.Find(id) is not null)) is { Length: > 0 } factors ? factors : null,
            IsRequired = true,
            ErrorMessage = "Please pick at least one factor.",
        });
        body.Add(new ChoiceSetInput(IncidentCardData.VisibilityInput, [.. Enum.GetValues<IncidentVisibility>().Select(v => new Choice(IncidentView.VisibilityChoice(v), v.ToString()))])
        {
            Label = "Who hears about it?",
            Style = ChoiceInputStyle.Expanded,
            Value = Known<IncidentVisibility>(form.Visibility),
            IsRequired = true,
            ErrorMessage = "Please pick who hears about it.",
        });
        body.Add(new TextBlock("A lead's declaration starts the recovery plan at once. Anyone else's goes to the leads first, who accept or dismiss it.") { IsSubtle = true });

        return new AdaptiveCard
        {
            Body = body,
            Actions = [new ExecuteAction("Declare incident", DeclareVerb) { Data = IncidentCardData.ForDeclare(team.Id), Style = ActionStyle.Positive }],
        };
    }

    // A value the choice cannot show would be dropped silently; leave it unpicked so the problem above explains.
    private static string? Known<TEnum>(string? name)
        where TEnum : struct, Enum =>
        Enum.GetNames<TEnum>().FirstOrDefault(known => known == name);
}
