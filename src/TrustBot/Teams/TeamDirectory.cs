using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using TrustBot.Delivery;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Storage;

namespace TrustBot.Teams;

/// <summary>
/// Which team a turn acts on and what the sender may do there: registers installations, keeps
/// each team's roster current as members come and go, resolves the team of a command, and checks
/// roles against storage.
/// </summary>
public sealed class TeamDirectory(
    ITeamStore teams,
    ITeamRosterStore rosters,
    IJobStore jobs,
    ITeamsMessenger messenger,
    DataDeletion deletion,
    TimeProvider clock)
{
    /// <summary>The subject of the roster sync an installation schedules.</summary>
    public const string InstallSyncSubject = "install";

    /// <summary>
    /// Records that the bot was installed: a team or group chat (whoever installed it becomes its
    /// first lead, and a job is scheduled to read its roster), or a person's 1:1 chat (so the bot can
    /// reach them later; any team that had them marked unreachable gets the mark cleared).
    /// </summary>
    public async Task RegisterInstallationAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        var now = clock.GetUtcNow();
        if (ActivityIdentity.TeamOf(activity, now) is { } team)
        {
            await teams.SaveTeamAsync(team, cancellationToken).ConfigureAwait(false);
            var installer = ActivityIdentity.MemberIdOf(activity);
            if (installer.Length > 0)
            {
                await teams.SaveMembershipAsync(new Membership(installer, team.Id, TeamRole.Lead, activity.From?.Name), cancellationToken).ConfigureAwait(false);
            }

            // A team may have thousands of members, read 500 a call: too slow for the install
            // turn, which Teams wants answered within seconds, so a job reads them right after.
            var sync = ScheduledJob.Plan(JobKind.SyncRoster, team.Id, InstallSyncSubject, now);
            await jobs.AddAsync(sync, cancellationToken).ConfigureAwait(false);
        }
        else if (ActivityIdentity.PersonalChatOf(activity) is { } chat)
        {
            await teams.SavePersonalChatAsync(chat, cancellationToken).ConfigureAwait(false);

            // Installing the bot again after blocking or removing it makes the person reachable.
            foreach (var membership in await teams.GetMembershipsAsync(chat.MemberId, cancellationToken).ConfigureAwait(false))
            {
                await rosters.ClearUnreachableAsync(membership.TeamId, chat.MemberId, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Adds the people a conversation update says joined the team or group chat to its roster.
    /// Teams usually names their Entra object id; for anyone it does not, Teams is asked (one call
    /// each), and someone it no longer knows is skipped. Other bots are not members.
    /// </summary>
    public async Task AddJoinedMembersAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var joined = People(turn.Activity.MembersAdded);
        // A late update for a team the bot has left must not bring back a roster that was deleted with it.
        if (joined.Count == 0
            || ActivityIdentity.TeamOf(turn.Activity, clock.GetUtcNow()) is not { } here
            || await teams.GetTeamAsync(here.Id, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return;
        }

        var members = new List<RosterMember>(joined.Count);
        foreach (var account in joined)
        {
            var member = account.AadObjectId is { Length: > 0 } objectId
                ? new RosterMember(objectId, account.Id, account.Name)
                : await messenger.GetMemberAsync(team, account.Id, cancellationToken).ConfigureAwait(false);
            if (member is not null)
            {
                members.Add(member);
            }
        }

        await rosters.AddAsync(team.Id, members, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Removes the people a conversation update says left the team or group chat from its roster.
    /// Someone Teams names without an Entra object id is found on the stored roster by their Teams user id.
    /// </summary>
    public async Task RemoveLeftMembersAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var left = People(turn.Activity.MembersRemoved);
        if (left.Count == 0 || ActivityIdentity.TeamOf(turn.Activity, clock.GetUtcNow()) is not { } team)
        {
            return;
        }

        var memberIds = left.Where(account => account.AadObjectId is { Length: > 0 }).Select(account => account.AadObjectId).ToList();
        var userIds = left.Where(account => account.AadObjectId is not { Length: > 0 }).Select(account => account.Id).ToHashSet(StringComparer.Ordinal);
        if (userIds.Count > 0)
        {
            memberIds.AddRange((await rosters.GetAsync(team.Id, cancellationToken).ConfigureAwait(false))
                .Where(entry => userIds.Contains(entry.Member.UserId))
                .Select(entry => entry.Member.MemberId));
        }

        await rosters.RemoveAsync(team.Id, memberIds, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes everything TrustBot keeps about a team or group chat it was removed from: its runs,
    /// answers, charter, actions, observations, roster and settings (every registered table's partition
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
    /// The leads among the team's stored roster. Roles are stored per person, so this is one point
    /// read per member, 16 at a time: fine for occasional nudges, not for a hot path.
    /// </summary>
    public async Task<IReadOnlyCollection<string>> LeadIdsAsync(string teamId, CancellationToken cancellationToken)
    {
        var roster = await rosters.GetAsync(teamId, cancellationToken).ConfigureAwait(false);
        var leads = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(
            roster,
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (entry, token) =>
            {
                if (await LeadsAsync(entry.Member.MemberId, teamId, token).ConfigureAwait(false))
                {
                    leads.Add(entry.Member.MemberId);
                }
            }).ConfigureAwait(false);
        return leads;
    }

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

    // The people among a conversation update's members: ones with a Teams user id, and no bots.
    internal static List<ChannelAccount> People(IList<ChannelAccount>? accounts) =>
        accounts?.Where(account => account.Id is { Length: > 0 } && !ProactiveMessenger.IsBot(account)).ToList() ?? [];
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
