using Microsoft.Bot.Builder;
using TrustBot.Domain.Teams;
using TrustBot.Storage;

namespace TrustBot.Teams;

/// <summary>
/// Which team a turn acts on and what the sender may do there: registers installations,
/// resolves the team of a command, and checks roles against storage.
/// </summary>
public sealed class TeamDirectory(ITeamStore teams, DataDeletion deletion, TimeProvider clock)
{
    /// <summary>
    /// Records that the bot was installed: a team or group chat (whoever installed it becomes its
    /// first lead), or a person's 1:1 chat (so the bot can reach them later).
    /// </summary>
    public async Task RegisterInstallationAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (ActivityIdentity.TeamOf(activity, clock.GetUtcNow()) is { } team)
        {
            await teams.SaveTeamAsync(team, cancellationToken).ConfigureAwait(false);
            var installer = ActivityIdentity.MemberIdOf(activity);
            if (installer.Length > 0)
            {
                await teams.SaveMembershipAsync(new Membership(installer, team.Id, TeamRole.Lead, activity.From?.Name), cancellationToken).ConfigureAwait(false);
            }
        }
        else if (ActivityIdentity.PersonalChatOf(activity) is { } chat)
        {
            await teams.SavePersonalChatAsync(chat, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Deletes everything TrustBot keeps about a team or group chat it was removed from: its runs,
    /// answers, charter, actions, observations and settings (every registered table's partition
    /// for the team). People's own 1:1 chats and roles elsewhere stay.
    /// </summary>
    public async Task ForgetTeamAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (ActivityIdentity.TeamOf(turn.Activity, clock.GetUtcNow()) is { } team)
        {
            await deletion.DeleteTeamAsync(team.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The team named by a card, when the sender leads it; null otherwise. Card data can be edited
    /// by the client, so every card action that needs a lead checks the stored role here.
    /// </summary>
    public async Task<Team?> FindLedTeamAsync(string memberId, string teamId, CancellationToken cancellationToken) =>
        await LeadsAsync(memberId, teamId, cancellationToken).ConfigureAwait(false)
            ? await teams.GetTeamAsync(teamId, cancellationToken).ConfigureAwait(false)
            : null;

    /// <summary>Whether storage says the person leads the team (one point read).</summary>
    public async Task<bool> LeadsAsync(string memberId, string teamId, CancellationToken cancellationToken) =>
        !string.IsNullOrEmpty(memberId) && !string.IsNullOrEmpty(teamId)
        && (await teams.GetMembershipAsync(memberId, teamId, cancellationToken).ConfigureAwait(false))?.Role == TeamRole.Lead;

    /// <summary>
    /// The team a command acts on, for a sender who must hold at least <paramref name="atLeast"/>
    /// there; when there is none, tells the sender why and returns null.
    /// </summary>
    public async Task<Team?> TeamForCommandAsync(ITurnContext turn, TeamRole atLeast, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var resolution = await ResolveTeamAsync(turn, atLeast, cancellationToken).ConfigureAwait(false);
        if (resolution.Team is null)
        {
            await turn.SendActivityAsync(resolution.Problem, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return resolution.Team;
    }

    /// <summary>
    /// The team a command acts on, for a sender who must hold at least <paramref name="atLeast"/>
    /// there: the team of the channel or group chat it was typed in; in a 1:1 chat, the one team
    /// the sender holds that role in (as far as TrustBot knows: installed it, or was invited to a
    /// pulse or vote).
    /// </summary>
    public async Task<TeamResolution> ResolveTeamAsync(ITurnContext turn, TeamRole atLeast, CancellationToken cancellationToken)
    {
        var memberId = ActivityIdentity.MemberIdOf(turn.Activity);
        var mustLead = atLeast == TeamRole.Lead;
        if (ActivityIdentity.TeamOf(turn.Activity, clock.GetUtcNow()) is { } here)
        {
            if (mustLead && !await LeadsAsync(memberId, here.Id, cancellationToken).ConfigureAwait(false))
            {
                return TeamResolution.Refused("Only a lead of this team can do that. The person who installed TrustBot is its first lead.");
            }

            // Teams authenticated the channel or chat, so whoever writes in it belongs to the team.
            var stored = await teams.GetTeamAsync(here.Id, cancellationToken).ConfigureAwait(false);
            return TeamResolution.Found(stored ?? here);
        }

        var mine = (await teams.GetMembershipsAsync(memberId, cancellationToken).ConfigureAwait(false))
            .Where(m => !mustLead || m.Role == TeamRole.Lead)
            .ToList();
        switch (mine.Count)
        {
            case 0 when mustLead:
                return TeamResolution.Refused("You don't lead a team with TrustBot yet. Install TrustBot in a team or group chat; whoever installs it becomes its lead.");
            case 0:
                return TeamResolution.Refused("I don't know your team yet. Type this in your team's channel (or group chat), with an @mention of TrustBot.");
            case > 1:
                return TeamResolution.Refused($"You {(mustLead ? "lead" : "belong to")} more than one team. Type this in the team's channel (or group chat) so I know which team you mean.");
        }

        var team = await teams.GetTeamAsync(mine[0].TeamId, cancellationToken).ConfigureAwait(false);
        return team is null
            ? TeamResolution.Refused("I can't find your team any more; TrustBot may have been removed from it.")
            : TeamResolution.Found(team);
    }
}

/// <summary>The team a command acts on, or why there is none.</summary>
/// <param name="Team">The team, when found (and led by the sender, when that was required).</param>
/// <param name="Problem">What to tell the sender otherwise.</param>
public sealed record TeamResolution(Team? Team, string? Problem)
{
    /// <summary>The team to act on.</summary>
    public static TeamResolution Found(Team team) => new(team, null);

    /// <summary>No team to act on, and why.</summary>
    public static TeamResolution Refused(string problem) => new(null, problem);
}
