using TrustBot.Cards;
using TrustBot.Domain.Teams;

namespace TrustBot.Teams.Leads;

/// <summary>
/// The people picker of <c>add lead</c> (the roster's members who do not lead) and <c>remove lead</c>
/// (the leads, the sender included: removing yourself hands over). The card carries only the team's
/// id; the pick is checked against the stored roster and roles when it comes back.
/// </summary>
public static class LeadPickerCard
{
    /// <summary>The verb of the add button.</summary>
    public const string AddVerb = "lead.add";

    /// <summary>The verb of the remove button.</summary>
    public const string RemoveVerb = "lead.remove";

    /// <summary>The id of the people picker.</summary>
    public const string MemberInput = "memberId";

    /// <summary>Builds the card.</summary>
    /// <param name="team">The team.</param>
    /// <param name="people">Who can be picked.</param>
    /// <param name="adding">Adding a lead (otherwise removing one).</param>
    /// <param name="problems">Why the last pick was refused, shown on top.</param>
    public static AdaptiveCard Build(Team team, IReadOnlyList<RosterMember> people, bool adding, IReadOnlyList<string>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(people);
        var name = team.Name ?? "your team";
        List<CardElement> body =
        [
            CardBlocks.Heading(adding ? $"Add a lead to {name}" : $"Remove a lead of {name}"),
            new TextBlock(adding
                ? "Leads start pulses, read the trust summary with its comments, log observations and handle incidents. Pick a member of the team."
                : "Pick the lead who steps down; pick yourself to hand over. A team always keeps at least one lead.")
            {
                IsSubtle = true,
            },
        ];
        if (problems is { Count: > 0 })
        {
            body.Add(CardBlocks.Problems(problems));
        }

        body.Add(new ChoiceSetInput(MemberInput, [.. people.OrderBy(m => m.Name ?? m.MemberId, StringComparer.CurrentCultureIgnoreCase).Select(m => new Choice(m.Name ?? m.MemberId, m.MemberId))])
        {
            Label = adding ? "New lead" : "Lead who steps down",
            Style = ChoiceInputStyle.Filtered,
            IsRequired = true,
            ErrorMessage = "Please pick someone.",
        });
        return new AdaptiveCard
        {
            Body = body,
            Actions =
            [
                new ExecuteAction(adding ? "Make lead" : "Remove lead", adding ? AddVerb : RemoveVerb)
                {
                    Data = new Dictionary<string, string> { ["teamId"] = team.Id },
                    Style = adding ? ActionStyle.Positive : ActionStyle.Destructive,
                },
            ],
        };
    }
}
