using System.Collections.Concurrent;
using TrustBot.Delivery;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Recovery.Nudges;
using TrustBot.Teams;

namespace TrustBot.Recovery.Incidents;

/// <summary>
/// Declares incidents and carries out the leads' decisions on them: what the chat and the incident
/// webhook share. A declaration is checked before anything is written; a lead's starts its recovery
/// plan at once, anyone else's goes to each lead, 1:1, to accept or dismiss. Every decision checks
/// the stored role of whoever makes it.
/// </summary>
public sealed partial class IncidentService(
    IIncidentStore incidents,
    RecoveryPlanner planner,
    RosterFanOut fanOut,
    TeamDirectory directory,
    TimeProvider clock,
    ILogger<IncidentService> logger)
{

    /// <summary>
    /// Declares an incident for the team. A draft with problems writes nothing and comes back with
    /// them. An incident tool sending an incident it sent before (same external id) gets that one
    /// back, and its follow-up is done again, so a retried request completes what a failed one began.
    /// </summary>
    /// <param name="team">The team, from the authenticated activity or the webhook's secret.</param>
    /// <param name="draft">What was declared.</param>
    /// <param name="source">A lead, a member, or the webhook.</param>
    /// <param name="memberId">The declaring member's id; null for the webhook.</param>
    /// <param name="memberName">Their display name, for the leads' card.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<IncidentDeclaration> DeclareAsync(
        Team team, IncidentDraft draft, IncidentSource source, string? memberId, string? memberName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(draft);
        var now = clock.GetUtcNow();
        if (IncidentRules.Problems(draft, now) is { Count: > 0 } problems)
        {
            return new IncidentDeclaration(null, problems, AlreadyDeclared: false, LeadsAsked: 0);
        }

        if (draft.ExternalId is { } externalId
            && await incidents.FindByExternalIdAsync(team.Id, externalId.Trim(), cancellationToken).ConfigureAwait(false) is { } existing)
        {
            Log.AlreadyDeclared(logger, existing.Id, team.Id);
            return new IncidentDeclaration(existing, [], AlreadyDeclared: true, await FollowUpAsync(team, existing, cancellationToken).ConfigureAwait(false));
        }

        var incident = IncidentRules.Declare(draft, team.Id, source, memberId, memberName, now, Guid.NewGuid());
        var stored = await incidents.AddAsync(incident, cancellationToken).ConfigureAwait(false);
        if (stored.Id != incident.Id)
        {
            // Another request with the same external id got there between the look-up above and now.
            Log.AlreadyDeclared(logger, stored.Id, team.Id);
            return new IncidentDeclaration(stored, [], AlreadyDeclared: true, await FollowUpAsync(team, stored, cancellationToken).ConfigureAwait(false));
        }

        Log.Declared(logger, incident.Id, team.Id, source, incident.State);
        return new IncidentDeclaration(incident, [], AlreadyDeclared: false, await FollowUpAsync(team, incident, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>A lead accepts an awaiting incident with the plan steps they chose; its plan starts now.</summary>
    /// <param name="team">The incident's team.</param>
    /// <param name="incidentId">The incident.</param>
    /// <param name="steps">The steps to run; check them with <see cref="IncidentRules.StepProblems"/> first.</param>
    /// <param name="leadId">Who accepts it: must lead the team.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<IncidentUpdate> AcceptAsync(Team team, string incidentId, IReadOnlyCollection<RecoveryStep> steps, string leadId, CancellationToken cancellationToken)
    {
        var update = await ChangeAsync(team, incidentId, leadId, IncidentLeadCard.AcceptVerb, (incident, now) => IncidentRules.Accept(incident, steps, now), cancellationToken).ConfigureAwait(false);
        if (update is { Outcome: IncidentUpdateOutcome.Updated, Incident: { } accepted })
        {
            await planner.PlanAsync(accepted, cancellationToken).ConfigureAwait(false);
        }

        return update;
    }

    /// <summary>A lead decides an awaiting incident is not a trust incident; nothing is sent about it.</summary>
    public Task<IncidentUpdate> DismissAsync(Team team, string incidentId, string leadId, CancellationToken cancellationToken) =>
        ChangeAsync(team, incidentId, leadId, IncidentLeadCard.DismissVerb, IncidentRules.Dismiss, cancellationToken);

    /// <summary>
    /// A lead closes an active incident's recovery plan. Its remaining nudge jobs stay scheduled and
    /// do nothing when they come: they read the incident first.
    /// </summary>
    public Task<IncidentUpdate> CloseAsync(Team team, string incidentId, string leadId, CancellationToken cancellationToken) =>
        ChangeAsync(team, incidentId, leadId, IncidentLeadCard.CloseVerb, IncidentRules.Close, cancellationToken);

    /// <summary>
    /// A lead keeps an active plan going after its baseline review: one more baseline review
    /// <see cref="IncidentRules.KeepGoingReviewAfter"/> from now (its time is in <see cref="IncidentUpdate.NextReviewAt"/>).
    /// </summary>
    public async Task<IncidentUpdate> KeepGoingAsync(Team team, string incidentId, string leadId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        if (!await directory.LeadsAsync(leadId, team.Id, cancellationToken).ConfigureAwait(false))
        {
            return new IncidentUpdate(IncidentUpdateOutcome.NotLead, null);
        }

        var incident = await incidents.GetAsync(team.Id, incidentId, cancellationToken).ConfigureAwait(false);
        if (incident?.State != IncidentState.Active)
        {
            return new IncidentUpdate(incident is null ? IncidentUpdateOutcome.NotFound : IncidentUpdateOutcome.Refused, incident);
        }

        var due = clock.GetUtcNow() + IncidentRules.KeepGoingReviewAfter;
        await planner.PlanStepAsync(incident, RecoveryStep.BaselineReview, due, cancellationToken).ConfigureAwait(false);
        Log.KeptGoing(logger, incident.Id, team.Id, due);
        return new IncidentUpdate(IncidentUpdateOutcome.Updated, incident, due);
    }

    // What follows a stored declaration: the plan of an active incident, or the leads' cards for an
    // awaiting one. Both are repeatable (job ids and delivery batches are deterministic).
    private async Task<int> FollowUpAsync(Team team, Incident incident, CancellationToken cancellationToken)
    {
        switch (incident.State)
        {
            case IncidentState.Active:
                await planner.PlanAsync(incident, cancellationToken).ConfigureAwait(false);
                return 0;
            case IncidentState.AwaitingLead:
                var leads = await directory.LeadIdsAsync(team.Id, cancellationToken).ConfigureAwait(false);
                var queued = await fanOut.QueueAsync(team, leads, DeliveryKind.IncidentForLeads, incident.Id, cancellationToken).ConfigureAwait(false);
                if (queued.Queued == 0)
                {
                    Log.NoLeadReached(logger, incident.Id, team.Id, leads.Count);
                }

                return queued.Queued;
            default:
                return 0;
        }
    }

    private async Task<IncidentUpdate> ChangeAsync(
        Team team, string incidentId, string leadId, string verb, Func<Incident, DateTimeOffset, Incident?> transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        if (!await directory.LeadsAsync(leadId, team.Id, cancellationToken).ConfigureAwait(false))
        {
            return new IncidentUpdate(IncidentUpdateOutcome.NotLead, null);
        }

        var now = clock.GetUtcNow();
        if (await incidents.UpdateAsync(team.Id, incidentId, incident => transition(incident, now), cancellationToken).ConfigureAwait(false) is { } changed)
        {
            Log.Changed(logger, verb, incidentId, team.Id, changed.State);
            return new IncidentUpdate(IncidentUpdateOutcome.Updated, changed);
        }

        // Refused, or another lead decided first: either way, say how it stands now.
        var current = await incidents.GetAsync(team.Id, incidentId, cancellationToken).ConfigureAwait(false);
        return new IncidentUpdate(current is null ? IncidentUpdateOutcome.NotFound : IncidentUpdateOutcome.Refused, current);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId} of team {TeamId} was sent again by its incident tool; nothing new was stored")]
        public static partial void AlreadyDeclared(ILogger logger, string incidentId, string teamId);

        [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId} was declared in team {TeamId} by {Source}; it is {State}")]
        public static partial void Declared(ILogger logger, string incidentId, string teamId, IncidentSource source, IncidentState state);

        [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId} of team {TeamId} keeps going; the next baseline review is due {DueAt}")]
        public static partial void KeptGoing(ILogger logger, string incidentId, string teamId, DateTimeOffset dueAt);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Incident {IncidentId} of team {TeamId} waits for a lead, but none of the {Leads} leads could be reached")]
        public static partial void NoLeadReached(ILogger logger, string incidentId, string teamId, int leads);

        [LoggerMessage(Level = LogLevel.Information, Message = "A lead's {Verb} changed incident {IncidentId} of team {TeamId}; it is {State}")]
        public static partial void Changed(ILogger logger, string verb, string incidentId, string teamId, IncidentState state);
    }
}

/// <summary>What a declaration did.</summary>
/// <param name="Incident">The incident declared (or sent before by the same incident tool); null when there were problems.</param>
/// <param name="Problems">Why nothing was declared; empty when it was.</param>
/// <param name="AlreadyDeclared">Whether an incident tool had sent this incident before (same external id), so nothing new was stored.</param>
/// <param name="LeadsAsked">How many leads were sent the incident to accept or dismiss (0 for a lead's own, which is active at once).</param>
public sealed record IncidentDeclaration(Incident? Incident, IReadOnlyList<string> Problems, bool AlreadyDeclared, int LeadsAsked);

/// <summary>What a lead's decision on an incident did.</summary>
/// <param name="Outcome">Whether it changed anything, and if not, why.</param>
/// <param name="Incident">The incident as it stands now (null when not found, or when the sender is not a lead).</param>
/// <param name="NextReviewAt">For "keep going": when the next baseline review comes.</param>
public sealed record IncidentUpdate(IncidentUpdateOutcome Outcome, Incident? Incident, DateTimeOffset? NextReviewAt = null);

/// <summary>Whether a lead's decision on an incident changed anything.</summary>
public enum IncidentUpdateOutcome
{
    /// <summary>Done.</summary>
    Updated,

    /// <summary>The sender does not lead the team: nothing changed.</summary>
    NotLead,

    /// <summary>The team has no such incident: nothing changed.</summary>
    NotFound,

    /// <summary>The incident's state does not allow it (another lead decided first, or the plan is closed): nothing changed.</summary>
    Refused,
}
