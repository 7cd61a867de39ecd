using System.Globalization;
using TrustBot.Cards;
using TrustBot.Domain.Teams;

namespace TrustBot.Teams;

/// <summary>
/// Brings a lead the suggestion to check in because the team changed, with one button that starts
/// a pulse; also the words the trust summary uses for the team's changes.
/// </summary>
public static class TeamCheckInCard
{
    /// <summary>The verb of the "Start a check-in pulse" button (handled by the pulse dialog).</summary>
    public const string StartVerb = "pulse.checkin";

    /// <summary>Builds the card.</summary>
    /// <param name="team">The team that changed.</param>
    /// <param name="changes">What changed in the last 30 days.</param>
    public static AdaptiveCard Build(Team team, TeamChangeAssessment changes)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(changes);
        return new AdaptiveCard
        {
            Body =
            [
                CardBlocks.Heading(team.Name is null ? "Your team has changed" : $"{team.Name} has changed"),
                new TextBlock(Describe(changes)),
                new TextBlock(
                    "Changes in a team are one of the ways trust is lost: new people don't know yet what they can count on, and the others " +
                    "wonder what changes for them. A short check-in now gives everyone a voice and the team a new baseline.") { IsSubtle = true },
            ],
            Actions = [new ExecuteAction("Start a check-in pulse", StartVerb) { Data = new { teamId = team.Id }, Style = ActionStyle.Positive }],
        };
    }

    /// <summary>
    /// What changed, in one line, e.g. "A lead was added or removed 3 days ago, and 4 of 10 people
    /// joined or left in the last 30 days (40 %)."
    /// </summary>
    public static string Describe(TeamChangeAssessment changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        List<string> parts = [];
        if (changes.LeadChanges > 0)
        {
            parts.Add(changes.LeadChanges == 1 ? "the team's leads changed" : $"the team's leads changed {changes.LeadChanges} times");
        }

        if (changes.Changed > 0)
        {
            var who = $"{changes.Changed} of {changes.RosterAtStart} {(changes.RosterAtStart == 1 ? "person" : "people")} joined or left " +
                $"({changes.Joined} in, {changes.Left} out, {CardText.Percent(changes.Share)})";
            parts.Add(who);
        }

        if (parts.Count == 0)
        {
            return "Nobody joined or left in the last 30 days, and the leads stayed the same.";
        }

        var line = string.Join(", and ", parts) + " in the last 30 days.";
        return char.ToUpper(line[0], CultureInfo.InvariantCulture) + line[1..];
    }
}
