using TrustBot.Domain.Pulse;

namespace TrustBot.Domain.Recovery;

/// <summary>
/// What makes an incident declaration valid, how an incident is declared, and how it moves from one
/// state to the next. Every problem is a sentence the declarer can act on; every transition that
/// makes no sense in the incident's state (accepting a dismissed one, closing one twice) is refused
/// with null, so nothing is written.
/// </summary>
public static class IncidentRules
{
    /// <summary>The longest title.</summary>
    public const int MaxTitleLength = 120;

    /// <summary>The longest description of what happened.</summary>
    public const int MaxDescriptionLength = 2000;

    /// <summary>The shortest description of what happened: a few words, so the leads know what it was.</summary>
    public const int MinDescriptionLength = 10;

    /// <summary>The longest id an incident tool may give its incident.</summary>
    public const int MaxExternalIdLength = 200;

    /// <summary>How far ahead of now an incident may be said to have happened: clocks differ a little.</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(5);

    /// <summary>How long ago an incident may have happened to be declared now.</summary>
    public static readonly TimeSpan OldestDeclarable = TimeSpan.FromDays(365);

    /// <summary>When a lead keeps a plan going after its baseline review, how long until the next review.</summary>
    public static readonly TimeSpan KeepGoingReviewAfter = TimeSpan.FromDays(7);

    /// <summary>The problems with the draft, as plain sentences; empty when it can be declared.</summary>
    /// <param name="draft">What the declarer (or the incident tool) sent.</param>
    /// <param name="now">The current time.</param>
    public static IReadOnlyList<string> Problems(IncidentDraft draft, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return
        [
            .. TitleProblems(draft.Title),
            .. DescriptionProblems(draft.WhatHappened),
            .. EnumProblems(draft.Severity, "The severity must be one of Minor, Major or Critical."),
            .. OccurredAtProblems(draft.OccurredAt, now),
            .. FactorProblems(draft.FactorIds),
            .. EnumProblems(draft.Visibility, "The visibility must be the whole team or leads only."),
            .. ExternalIdProblems(draft.ExternalId),
        ];
    }

    /// <summary>What is wrong with a choice of plan steps: none at all, or one that is not a step.</summary>
    public static IEnumerable<string> StepProblems(IReadOnlyCollection<RecoveryStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0)
        {
            yield return "Please pick at least one step of the recovery plan.";
        }
        else if (!steps.All(Enum.IsDefined))
        {
            yield return "Please pick the steps of the recovery plan from the list.";
        }
    }

    /// <summary>
    /// The incident a valid draft declares. A lead's is active at once, with the default plan starting
    /// now; a member's or an incident tool's waits for a lead to accept or dismiss it.
    /// </summary>
    /// <param name="draft">A draft without <see cref="Problems"/>.</param>
    /// <param name="teamId">The team, as checked against the sender (or the webhook's secret).</param>
    /// <param name="source">Who declares it.</param>
    /// <param name="declaredBy">The declaring member's id; null for an incident tool.</param>
    /// <param name="declaredByName">Their display name, for the leads' card.</param>
    /// <param name="now">The current time.</param>
    /// <param name="random">A fresh GUID for the id.</param>
    public static Incident Declare(
        IncidentDraft draft, string teamId, IncidentSource source, string? declaredBy, string? declaredByName, DateTimeOffset now, Guid random)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        if (Problems(draft, now) is { Count: > 0 } problems)
        {
            throw new ArgumentException($"Only a valid draft can be declared: {string.Join(' ', problems)}", nameof(draft));
        }

        if (!Enum.IsDefined(source))
        {
            throw new ArgumentOutOfRangeException(nameof(source), source, "Not an incident source.");
        }

        var byLead = source == IncidentSource.Lead;
        return new Incident(
            teamId,
            IncidentIds.New(now, random),
            draft.Title.Trim(),
            draft.WhatHappened.Trim(),
            draft.Severity,
            draft.OccurredAt,
            [.. draft.FactorIds.Select(id => id.Trim()).Distinct(StringComparer.Ordinal)],
            draft.Visibility,
            source,
            declaredBy,
            declaredByName,
            now,
            byLead ? IncidentState.Active : IncidentState.AwaitingLead,
            byLead ? now : null,
            ClosedAt: null,
            byLead ? RecoveryPlan.AllSteps : [],
            string.IsNullOrWhiteSpace(draft.ExternalId) ? null : draft.ExternalId.Trim());
    }

    /// <summary>A lead accepts an awaiting incident: its plan of <paramref name="steps"/> starts now. Null unless it is awaiting and the steps are valid.</summary>
    public static Incident? Accept(Incident incident, IReadOnlyCollection<RecoveryStep> steps, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(steps);
        return incident.State == IncidentState.AwaitingLead && !StepProblems(steps).Any()
            ? incident with { State = IncidentState.Active, AcceptedAt = now, Plan = [.. steps.Distinct().Order()] }
            : null;
    }

    /// <summary>A lead decides an awaiting incident is not a trust incident. Null unless it is awaiting.</summary>
    public static Incident? Dismiss(Incident incident, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return incident.State == IncidentState.AwaitingLead ? incident with { State = IncidentState.Dismissed, ClosedAt = now } : null;
    }

    /// <summary>A lead closes an active incident's plan: its remaining nudges do nothing. Null unless it is active.</summary>
    public static Incident? Close(Incident incident, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return incident.State == IncidentState.Active ? incident with { State = IncidentState.Closed, ClosedAt = now } : null;
    }

    private static IEnumerable<string> TitleProblems(string? title)
    {
        var trimmed = title?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            yield return "Please give the incident a short title.";
        }
        else if (trimmed.Length > MaxTitleLength)
        {
            yield return FormattableString.Invariant($"The title is {trimmed.Length} characters long; please keep it to {MaxTitleLength} or fewer.");
        }
    }

    private static IEnumerable<string> DescriptionProblems(string? whatHappened)
    {
        var trimmed = whatHappened?.Trim() ?? string.Empty;
        if (trimmed.Length < MinDescriptionLength)
        {
            yield return "Please say what happened, in a sentence or two, so the leads know what it was.";
        }
        else if (trimmed.Length > MaxDescriptionLength)
        {
            yield return FormattableString.Invariant($"What happened is {trimmed.Length} characters long; please keep it to {MaxDescriptionLength} or fewer.");
        }
    }

    private static IEnumerable<string> OccurredAtProblems(DateTimeOffset occurredAt, DateTimeOffset now)
    {
        if (occurredAt > now + ClockTolerance)
        {
            yield return "When it happened is in the future; please give a time up to now.";
        }
        else if (occurredAt < now - OldestDeclarable)
        {
            yield return "That is more than a year ago; an incident that old is better talked through in a retrospective than given a recovery plan.";
        }
    }

    private static IEnumerable<string> FactorProblems(IReadOnlyList<string>? factorIds)
    {
        var picked = factorIds?.Where(id => !string.IsNullOrWhiteSpace(id)).ToList() ?? [];
        if (picked.Count == 0)
        {
            yield return "Please pick at least one trust factor it hit.";
        }
        else if (picked.Any(id => TrustFactors.Find(id.Trim()) is null))
        {
            yield return "Please pick the trust factors it hit from the list.";
        }
    }

    private static IEnumerable<string> EnumProblems<TEnum>(TEnum value, string problem)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            yield return problem;
        }
    }

    private static IEnumerable<string> ExternalIdProblems(string? externalId)
    {
        if (externalId is not null && (externalId.Trim().Length == 0 || externalId.Trim().Length > MaxExternalIdLength))
        {
            yield return FormattableString.Invariant($"The incident tool's id must be 1 to {MaxExternalIdLength} characters long.");
        }
    }
}
