using TrustBot.Bot;
using TrustBot.Delivery;
using TrustBot.Domain.Teams;

namespace TrustBot.Teams;

/// <summary>
/// Which team a turn acts on and what the sender may do there: keeps each team's roster current as
/// members come and go (a person who leaves loses their role), resolves the team of a command
/// (asking "which team?" in a 1:1 chat when there are several), and checks roles against storage.
/// </summary>
public sealed class TeamDirectory(
    ITeamStore teams,
    ITeamRosterStore rosters,
    ITeamsMessenger messenger)
{
    /// <summary>
    /// Adds the people a conversation update says joined the team or group chat to its roster.
    /// Teams usually names their Entra object id; for anyone it does not, Teams is asked (one call
    /// each), and someone it no longer knows is skipped. Other bots are not members.
    /// </summary>
    public async Task AddJoinedMembersAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var joined = turn.MembersAdded;
        // A late update for a team the bot has left changes nothing: its roster is read afresh if it is installed again.
        if (joined.Count == 0
            || turn.Team is not { } here
            || await teams.GetTeamAsync(here.Id, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return;
        }

        var members = new List<RosterMember>(joined.Count);
        foreach (var account in joined)
        {
            var member = account.MemberId is { } objectId
                ? new RosterMember(objectId, account.UserId, account.Name)
                : await messenger.GetMemberAsync(team, account.UserId, cancellationToken).ConfigureAwait(false);
            if (member is not null)
            {
                members.Add(member);
            }
        }

        await rosters.AddAsync(team.Id, members, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Removes the people a conversation update says left the team or group chat from its roster,
    /// and ends their role there: a lead who leaves the team leads it no more.
    /// Someone Teams names without an Entra object id is found on the stored roster by their Teams user id.
    /// Returns the roles that ended (none when nobody left).
    /// </summary>
    public async Task<IReadOnlyList<Membership>> RemoveLeftMembersAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var left = turn.MembersRemoved;
        if (left.Count == 0 || turn.Team is not { } team)
        {
            return [];
        }

        var memberIds = left.Where(account => account.MemberId is not null).Select(account => account.MemberId!).ToList();
        var userIds = left.Where(account => account.MemberId is null).Select(account => account.UserId).ToHashSet(StringComparer.Ordinal);
        if (userIds.Count > 0)
        {
            memberIds.AddRange((await rosters.GetAsync(team.Id, cancellationToken).ConfigureAwait(false))
                .Where(entry => userIds.Contains(entry.Member.UserId))
                .Select(entry => entry.Member.MemberId));
        }

        await rosters.RemoveAsync(team.Id, memberIds, cancellationToken).ConfigureAwait(false);
        return await teams.RemoveMembershipsAsync(team.Id, memberIds, cancellationToken).ConfigureAwait(false);
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
        return [.. (await LeadsAmongAsync(teamId, [.. roster.Select(entry => entry.Member)], cancellationToken).ConfigureAwait(false)).Select(member => member.MemberId)];
    }

    /// <summary>Those of <paramref name="people"/> who lead the team (one point read each, 16 at a time).</summary>
    public async Task<IReadOnlyList<RosterMember>> LeadsAmongAsync(string teamId, IReadOnlyList<RosterMember> people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(people);
        var leads = new System.Collections.Concurrent.ConcurrentBag<RosterMember>();
        await Parallel.ForEachAsync(
            people,
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (member, token) =>
            {
                if (await LeadsAsync(member.MemberId, teamId, token).ConfigureAwait(false))
                {
                    leads.Add(member);
                }
            }).ConfigureAwait(false);
        return [.. leads];
    }

    /// <summary>
    /// The team a command acts on, for a sender who must hold at least <paramref name="atLeast"/>
    /// there; when there is none, tells the sender why (or, when they have several teams, asks
    /// which with <see cref="TeamPickerCard"/>) and returns null.
    /// </summary>
    public async Task<Team?> TeamForCommandAsync(BotTurn turn, TeamRole atLeast, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var resolution = await ResolveTeamAsync(turn, atLeast, cancellationToken).ConfigureAwait(false);
        if (resolution.Team is null)
        {
            await ReplyUnresolvedAsync(turn, resolution, preamble: null, cancellationToken).ConfigureAwait(false);
        }

        return resolution.Team;
    }

    /// <summary>
    /// Answers a turn whose team could not be resolved: the team picker when the sender has several
    /// teams, otherwise the problem, after <paramref name="preamble"/> when given.
    /// </summary>
    public static Task ReplyUnresolvedAsync(BotTurn turn, TeamResolution resolution, string? preamble, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(resolution);
        if (resolution.Choices is { Count: > 0 } choices)
        {
            return turn.ReplyAsync(TeamPickerCard.Build(turn.Text, choices, resolution.ForLeads), cancellationToken);
        }

        var message = preamble is null ? resolution.Problem : preamble + " " + resolution.Problem;
        return turn.ReplyAsync(message!, cancellationToken);
    }

    /// <summary>
    /// Pins the team a 1:1 turn acts on to the one the sender chose on <see cref="TeamPickerCard"/>:
    /// <see cref="ResolveTeamAsync"/> then takes it, if the sender still holds the role the command
    /// needs there (checked against storage like any other choice: the id came from card data).
    /// </summary>
    public static void ChooseTeam(BotTurn turn, string teamId)
    {
        ArgumentNullException.ThrowIfNull(turn);
        turn.ChosenTeamId = teamId;
    }

    /// <summary>
    /// The team a command acts on, for a sender who must hold at least <paramref name="atLeast"/>
    /// there: the team of the channel or group chat it was typed in; in a 1:1 chat, the team the
    /// sender holds that role in (as far as TrustBot knows: installed it, was made a lead, or was
    /// invited to a pulse or vote), or the one they chose when they have several.
    /// </summary>
    public async Task<TeamResolution> ResolveTeamAsync(BotTurn turn, TeamRole atLeast, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var memberId = turn.MemberId;
        var mustLead = atLeast == TeamRole.Lead;
        if (turn.Team is { } here)
        {
            if (mustLead && !await LeadsAsync(memberId, here.Id, cancellationToken).ConfigureAwait(false))
            {
                return TeamResolution.Refused("Only a lead of this team can do that. Type leads to see who leads it.");
            }

            // Teams authenticated the channel or chat, so whoever writes in it belongs to the team.
            var stored = await teams.GetTeamAsync(here.Id, cancellationToken).ConfigureAwait(false);
            return TeamResolution.Found(stored ?? here);
        }

        var mine = await TeamsOfAsync(memberId, mustLead, cancellationToken).ConfigureAwait(false);
        if (turn.ChosenTeamId is { } chosen)
        {
            return mine.FirstOrDefault(team => team.Id == chosen) is { } picked
                ? TeamResolution.Found(picked)
                : TeamResolution.Refused($"You don't {(mustLead ? "lead" : "belong to")} that team with TrustBot (any more), so I did nothing there.");
        }

        return mine.Count switch
        {
            0 when mustLead => TeamResolution.Refused("You don't lead a team with TrustBot yet. Install TrustBot in a team or group chat; whoever installs it becomes its lead, and a lead can add others."),
            0 => TeamResolution.Refused("I don't know your team yet. Type this in your team's channel (or group chat), with an @mention of TrustBot."),
            1 => TeamResolution.Found(mine[0]),
            _ => TeamResolution.Choose(mine, mustLead),
        };
    }

    // The installed teams where the person holds the role (one partition scan, then a point read per team).
    private async Task<List<Team>> TeamsOfAsync(string memberId, bool mustLead, CancellationToken cancellationToken)
    {
        var found = new List<Team>();
        foreach (var membership in await teams.GetMembershipsAsync(memberId, cancellationToken).ConfigureAwait(false))
        {
            if ((!mustLead || membership.Role == TeamRole.Lead)
                && await teams.GetTeamAsync(membership.TeamId, cancellationToken).ConfigureAwait(false) is { } team)
            {
                found.Add(team);
            }
        }

        return found;
    }
}

/// <summary>The team a command acts on, or why there is none, or the teams to choose from.</summary>
/// <param name="Team">The team, when found (and led by the sender, when that was required).</param>
/// <param name="Problem">What to tell the sender when there is no team and nothing to choose.</param>
/// <param name="Choices">The sender's teams (in a 1:1 chat) when there are several; null otherwise.</param>
/// <param name="ForLeads">Whether the choices are the teams the sender leads (rather than belongs to).</param>
public sealed record TeamResolution(Team? Team, string? Problem, IReadOnlyList<Team>? Choices = null, bool ForLeads = false)
{
    /// <summary>The team to act on.</summary>
    public static TeamResolution Found(Team team) => new(team, null);

    /// <summary>No team to act on, and why.</summary>
    public static TeamResolution Refused(string problem) => new(null, problem);

    /// <summary>Several teams the command could act on: the sender picks one.</summary>
    public static TeamResolution Choose(IReadOnlyList<Team> teams, bool forLeads) =>
        new(null, $"You {(forLeads ? "lead" : "belong to")} more than one team: pick one.", teams, forLeads);
}
