using TrustBot.Cards;
using TrustBot.Domain.Actions;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Teams;

namespace TrustBot.Actions;

/// <summary>The card on which a member adds an action item: what, who, by when, and for which factor.</summary>
public static class AddActionCard
{
    /// <summary>The verb of the add button.</summary>
    public const string AddVerb = "action.add";

    /// <summary>
    /// The verb of "add an action for this incident" buttons (the retrospective nudge's, with
    /// <see cref="ActionCardData.ForIncident"/>): opens this card for the incident.
    /// </summary>
    public const string NewForIncidentVerb = "action.new-for-incident";

    /// <summary>
    /// The verb of the summary's "make it an action" buttons (with <see cref="ActionCardData.ForFactor"/>):
    /// opens this card with the factor picked and its suggested step as the title, both editable.
    /// </summary>
    public const string NewForFactorVerb = "action.new-for-factor";

    /// <summary>Builds the card.</summary>
    /// <param name="team">The team the item is for.</param>
    /// <param name="roster">The team's members, to pick the owner from.</param>
    /// <param name="today">The sender's calendar day: the earliest due date.</param>
    /// <param name="form">What to fill the inputs with: a blank form, or what was sent when it was refused.</param>
    /// <param name="problems">Why the last submit was refused, shown on top.</param>
    /// <param name="fromIncident">The incident whose retrospective the item comes from (already checked to be the team's), or null.</param>
    public static AdaptiveCard Build(
        Team team, IReadOnlyList<RosterMember> roster, DateOnly today, ActionForm form, IReadOnlyList<string>? problems = null, Incident? fromIncident = null)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(form);
        List<CardElement> body =
        [
            CardBlocks.Heading(team.Name is null ? "Add an action item" : $"Add an action item: {team.Name}"),
            new TextBlock("One concrete step, one owner, one date: small promises kept are what build trust.") { IsSubtle = true },
        ];

        if (fromIncident is not null)
        {
            body.Add(new TextBlock($"This action comes from the retrospective of {fromIncident.Title}.") { Weight = TextWeight.Bolder });
        }

        if (problems is { Count: > 0 })
        {
            body.Add(CardBlocks.Problems(problems));
        }

        body.Add(new TextInput(ActionCardData.TitleInput)
        {
            Label = "What will be done?",
            Placeholder = "e.g. Share the release checklist before Thursday's planning.",
            Value = form.Title,
            MaxLength = ActionRules.MaxTitleLength,
            IsRequired = true,
            ErrorMessage = "Please say what is to be done.",
        });
        body.Add(ActionView.OwnerChoice(ActionCardData.OwnerInput, roster, form.Owner));
        body.Add(ActionView.DueDateInput(ActionCardData.DueInput, today, form.DueOn));
        body.Add(new ChoiceSetInput(ActionCardData.FactorInput, [.. TrustFactors.All.Select(f => new Choice(f.Name, f.Id))])
        {
            Label = "Which trust factor does it address?",
            Style = ChoiceInputStyle.Expanded,
            Value = TrustFactors.Find(form.Factor ?? string.Empty)?.Id,
            IsRequired = true,
            ErrorMessage = "Please pick a factor.",
        });

        return new AdaptiveCard
        {
            Body = body,
            Actions = [new ExecuteAction("Add action", AddVerb) { Data = ActionCardData.ForAdd(team.Id, fromIncident?.Id), Style = ActionStyle.Positive }],
        };
    }
}
