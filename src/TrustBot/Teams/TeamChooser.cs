using System.Text.Json.Nodes;
using TrustBot.Bot;
using TrustBot.Cards;
using TrustBot.Domain.Teams;

namespace TrustBot.Teams;

/// <summary>
/// Answers a button of <see cref="TeamPickerCard"/>: runs the command again, in the same 1:1 turn,
/// for the chosen team. The one place "which team?" is settled for every command: the dialog
/// resolves its team as always (<see cref="TeamDirectory.ResolveTeamAsync"/>), which takes the
/// chosen id only if storage says the sender still holds the role the command needs there.
/// </summary>
public sealed class TeamChooser(ITeamStore teams)
{
    /// <summary>Runs the chosen command; the card that was clicked is replaced by what happened.</summary>
    public async Task<AdaptiveCard> OnChosenAsync(BotTurn turn, JsonObject? data, DialogRouter router, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(router);
        var teamId = CardSubmit.TeamIdOf(data);
        string? command = null;
        if (teamId is null
            || !CardSubmit.TryReadText(data!, TeamPickerCard.CommandField, out command)
            || router.MatchCommand(command) is not { } match
            || turn.Scope != ConversationScope.Personal)
        {
            return NoticeCard.Build("This button doesn't work", "It was changed or is incomplete. Type the command again.", isProblem: true);
        }

        // Nothing about a team the sender has no role in is shown, not even its name.
        if (await teams.GetMembershipAsync(turn.MemberId, teamId, cancellationToken).ConfigureAwait(false) is null
            || await teams.GetTeamAsync(teamId, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return NoticeCard.Build("Nothing was done", "You are not on that team with TrustBot (any more). Type the command again to pick from your teams.", isProblem: true);
        }

        TeamDirectory.ChooseTeam(turn, teamId);
        await match.Handler(turn, match.Argument, cancellationToken).ConfigureAwait(false);
        return NoticeCard.Build($"{team.Name ?? "Your team"}", $"You chose this team for \"{command}\".");
    }
}
