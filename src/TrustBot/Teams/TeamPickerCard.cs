using TrustBot.Cards;
using TrustBot.Domain.Teams;

namespace TrustBot.Teams;

/// <summary>
/// "Which team?": asked in a 1:1 chat when a command could act on several of the sender's teams.
/// One button per team; each sends the command back with the team's id, and
/// <see cref="TeamChooser"/> runs it again for that team after checking the sender's stored role.
/// </summary>
public static class TeamPickerCard
{
    /// <summary>The verb of the team buttons.</summary>
    public const string Verb = "team.choose";

    /// <summary>The data field that carries the command to run again.</summary>
    public const string CommandField = "command";

    /// <summary>Builds the card.</summary>
    /// <param name="command">The command as typed, run again for the chosen team.</param>
    /// <param name="teams">The teams to choose from.</param>
    /// <param name="forLeads">Whether they are the teams the sender leads (rather than belongs to).</param>
    public static AdaptiveCard Build(string command, IReadOnlyList<Team> teams, bool forLeads)
    {
        ArgumentNullException.ThrowIfNull(teams);
        List<CardElement> body =
        [
            CardBlocks.Heading("Which team?"),
            new TextBlock($"You {(forLeads ? "lead" : "belong to")} {teams.Count} teams with TrustBot. Which one is \"{command}\" for?"),
        ];

        // One ActionSet per team, so that a long list stacks instead of hitting a client's limit on actions in a row.
        body.AddRange(teams
            .OrderBy(team => team.Name ?? team.Id, StringComparer.CurrentCultureIgnoreCase)
            .Select(team => new ActionSet([new ExecuteAction(team.Name ?? "A team without a name", Verb) { Data = new Dictionary<string, string> { ["teamId"] = team.Id, [CommandField] = command } }])));
        return new AdaptiveCard { Body = body };
    }
}
