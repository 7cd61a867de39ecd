using Microsoft.Bot.Builder;
using TrustBot.Domain.Teams;

namespace TrustBot.Teams;

/// <summary>
/// Which team a turn acts on and what the sender may do there: registers installations,
/// resolves the team of a command, and checks roles against storage.
/// </summary>
public sealed class TeamDirectory(ITeamStore teams, TimeProvider clock)
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
    /// The team a lead's command acts on: the team of the channel or group chat it was typed in;
    /// in a 1:1 chat, the one team the sender leads.
    /// </summary>
    public async Task<LeadTeamResolution> ResolveLedTeamAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var memberId = ActivityIdentity.MemberIdOf(turn.Activity);
        if (ActivityIdentity.TeamOf(turn.Activity, clock.GetUtcNow()) is { } here)
        {
            if (!await LeadsAsync(memberId, here.Id, cancellationToken).ConfigureAwait(false))
            {
                return LeadTeamResolution.Refused("Only a lead of this team can do that. The person who installed TrustBot is its first lead.");
            }

            var stored = await teams.GetTeamAsync(here.Id, cancellationToken).ConfigureAwait(false);
            return LeadTeamResolution.Found(stored ?? here);
        }

        var led = (await teams.GetMembershipsAsync(memberId, cancellationToken).ConfigureAwait(false))
            .Where(m => m.Role == TeamRole.Lead)
            .ToList();
        switch (led.Count)
        {
            case 0:
                return LeadTeamResolution.Refused("You don't lead a team with TrustBot yet. Install TrustBot in a team or group chat; whoever installs it becomes its lead.");
            case > 1:
                return LeadTeamResolution.Refused("You lead more than one team. Type this in the team's channel (or group chat) so I know which team you mean.");
        }

        var team = await teams.GetTeamAsync(led[0].TeamId, cancellationToken).ConfigureAwait(false);
        return team is null
            ? LeadTeamResolution.Refused("I can't find your team any more; TrustBot may have been removed from it.")
            : LeadTeamResolution.Found(team);
    }
}

/// <summary>The team a lead's command acts on, or why there is none.</summary>
/// <param name="Team">The team, when found and the sender leads it.</param>
/// <param name="Problem">What to tell the sender otherwise.</param>
public sealed record LeadTeamResolution(Team? Team, string? Problem)
{
    /// <summary>The sender leads this team.</summary>
    public static LeadTeamResolution Found(Team team) => new(team, null);

    /// <summary>No team to act on, and why.</summary>
    public static LeadTeamResolution Refused(string problem) => new(null, problem);
}
