using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using TrustBot.Domain.Definition;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Teams;
using TrustBot.Questions;
using TrustBot.PulseResults;
using TrustBot.Teams;

namespace TrustBot.Pulse;

/// <summary>
/// The pulse check-in flows, free of Teams specifics: start a run for a roster, take a member's
/// answer, find what a member can answer, close a run and roll it up.
/// </summary>
public sealed class PulseService(
    IPulseStore pulses,
    ITeamStore teams,
    AnonymousKeys keys,
    AnswerSeal seal,
    TeamQuestionBank banks,
    ITrustCharterStore charters,
    PulseResultsPlanner results,
    PulseRunCache knownRuns,
    IOptions<PulseOptions> options,
    TimeProvider clock)
{
    // Enough history for the item rotation to ask every item once before repeating.
    private const int RotationHistory = 12;
    /// <summary>The team's question bank (built-in and the team's own questions, retired ones included), to show a run's items.</summary>
    public Task<QuestionBank> BankForAsync(string teamId, CancellationToken cancellationToken) => banks.ForTeamAsync(teamId, cancellationToken);

    /// <summary>
    /// Opens a run for the team and invites the roster. An open run that has passed its closing
    /// time is closed (and rolled up) first; one still open is returned instead. A team with a
    /// trust charter is also asked whether it lives by it.
    /// </summary>
    /// <param name="team">The team.</param>
    /// <param name="roster">Who to invite.</param>
    /// <param name="window">How long it stays open; the configured <see cref="PulseOptions.WindowDays"/> when null.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<StartPulseResult> StartAsync(Team team, IReadOnlyList<RosterMember> roster, TimeSpan? window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        var hasCharter = await charters.GetCurrentAsync(team.Id, cancellationToken).ConfigureAwait(false) is not null;
        return await OpenRunAsync(
            team,
            roster,
            (bank, recent) => PulseItemSelector.Select(bank, recent, options.Value.ItemsPerRun, hasCharter),
            window ?? TimeSpan.FromDays(options.Value.WindowDays),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens a recovery pulse: a run like any other (same anonymity threshold, invitations and
    /// anonymous answers) that asks the given items, chosen by the caller for an incident. An open
    /// run that has passed its closing time is closed first; one still open is returned instead.
    /// </summary>
    /// <param name="team">The team.</param>
    /// <param name="roster">Who to invite.</param>
    /// <param name="itemIds">The items to ask, from the team's bank, the overall item last.</param>
    /// <param name="window">How long it stays open.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public Task<StartPulseResult> StartRecoveryAsync(Team team, IReadOnlyList<RosterMember> roster, IReadOnlyList<string> itemIds, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        return OpenRunAsync(team, roster, (_, _) => itemIds, window, cancellationToken);
    }

    // Both ways of opening a run: the items are chosen once the team's bank and recent runs are read.
    private async Task<StartPulseResult> OpenRunAsync(
        Team team,
        IReadOnlyList<RosterMember> roster,
        Func<QuestionBank, IReadOnlyList<PulseRun>, IReadOnlyList<string>> chooseItems,
        TimeSpan window,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(roster);
        var now = clock.GetUtcNow();
        var recent = await pulses.GetRecentRunsAsync(team.Id, RotationHistory, cancellationToken).ConfigureAwait(false);
        var open = recent.FirstOrDefault(run => run.State == PulseRunState.Open);
        if (open is not null && open.AcceptsAnswersAt(now))
        {
            return new StartPulseResult(null, open, null);
        }

        // Read once: it rolls up the expired run, chooses the new run's items and renders its cards.
        var bank = await banks.ForTeamAsync(team.Id, cancellationToken).ConfigureAwait(false);
        if (open is not null)
        {
            await CloseAsync(open, bank, cancellationToken).ConfigureAwait(false);
        }

        if (roster.Count == 0)
        {
            return new StartPulseResult(null, null, null);
        }

        var run = new PulseRun(
            team.Id,
            PulseRunIds.New(now, Guid.NewGuid()),
            chooseItems(bank, recent),
            now,
            now + window,
            PulseRunState.Open,
            Anonymity.ThresholdOrMinimum(options.Value.AnonymityThreshold),
            roster.Count);
        if (!await pulses.TryStartRunAsync(run, [.. roster.Select(m => m.MemberId)], cancellationToken).ConfigureAwait(false))
        {
            // Another lead (or instance) opened one a moment ago.
            var latest = await pulses.GetRecentRunsAsync(team.Id, 1, cancellationToken).ConfigureAwait(false);
            return new StartPulseResult(null, Newest(latest), null);
        }

        // So that members can find the pulse from their 1:1 chat ("pulse").
        await teams.EnsureAllAsync(team.Id, roster, cancellationToken).ConfigureAwait(false);

        return new StartPulseResult(run, null, bank);
    }

    /// <summary>Stores a member's answer to a run of a team, or says why it was refused (writing nothing).</summary>
    /// <remarks>
    /// Two storage requests, one after the other: the member's invitation (point read), then the
    /// answer in a transaction that needs the run's open mark. The run and the team's last roll-up
    /// come from <see cref="PulseRunCache"/> after the run's first submit on this instance.
    /// </remarks>
    /// <param name="memberId">Who answers.</param>
    /// <param name="teamId">The team the answer says it is for.</param>
    /// <param name="runId">The run the answer says it is for.</param>
    /// <param name="submission">The answer; null when it could not be read.</param>
    /// <param name="unreadable">Why the answer could not be read, in words for the member; null when it could.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<SubmitPulseResult> SubmitAsync(
        string memberId, string teamId, string runId, PulseSubmission? submission, string? unreadable, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(memberId) || string.IsNullOrEmpty(teamId) || !PulseRunIds.IsWellFormed(runId))
        {
            return new SubmitPulseResult(SubmitOutcome.NotYours, null, NotYourPulse, null);
        }

        // The invitation is written by the server when the run starts, so a card edited to name
        // another team's run finds none; the run is read beside it only the first time.
        var invited = pulses.IsInvitedAsync(teamId, runId, memberId, cancellationToken);
        var known = knownRuns.GetOrLoadAsync((teamId, runId), token => ReadKnownRunAsync(teamId, runId, token), cancellationToken);
        await Task.WhenAll(invited, known).ConfigureAwait(false);
        if (!await invited.ConfigureAwait(false) || await known.ConfigureAwait(false) is not KnownRun(var run, var lastClosed))
        {
            return new SubmitPulseResult(SubmitOutcome.NotYours, null, NotYourPulse, null);
        }

        if (!run.AcceptsAnswersAt(clock.GetUtcNow()))
        {
            return new SubmitPulseResult(SubmitOutcome.Closed, run, ClosedMessage, null);
        }

        if (submission is null)
        {
            return new SubmitPulseResult(SubmitOutcome.Invalid, run, unreadable ?? "The answers could not be read.", null);
        }

        var problems = PulseSubmissionRules.Problems(run, submission, clock.GetUtcNow());
        if (problems.Count > 0)
        {
            return new SubmitPulseResult(SubmitOutcome.Invalid, run, string.Join(' ', problems), null);
        }

        // One row, sealed: scores, picks and comment together, so storage shows neither, nor whether
        // there is a comment.
        var answerKey = keys.AnswerKey(run.RunId, memberId);
        var sealedAnswer = seal.Seal(run.TeamId, run.RunId, answerKey, submission.ToAnswer());
        if (!await pulses.TrySaveAnswerWhileOpenAsync(run.TeamId, run.RunId, answerKey, sealedAnswer, cancellationToken).ConfigureAwait(false))
        {
            // The close has begun (here or on another instance), or the run predates open marks.
            knownRuns.Remove((run.TeamId, run.RunId));
            var stored = await pulses.GetRunAsync(run.TeamId, run.RunId, cancellationToken).ConfigureAwait(false);
            if (stored is null || !stored.AcceptsAnswersAt(clock.GetUtcNow()))
            {
                return new SubmitPulseResult(SubmitOutcome.Closed, stored ?? run, ClosedMessage, null);
            }

            await pulses.SaveAnswerAsync(run.TeamId, run.RunId, answerKey, sealedAnswer, cancellationToken).ConfigureAwait(false);
        }

        return new SubmitPulseResult(SubmitOutcome.Recorded, run, null, lastClosed);
    }

    private async Task<KnownRun?> ReadKnownRunAsync(string teamId, string runId, CancellationToken cancellationToken)
    {
        var run = pulses.GetRunAsync(teamId, runId, cancellationToken);
        var lastClosed = pulses.GetRecentRollupsAsync(teamId, 1, cancellationToken);
        await Task.WhenAll(run, lastClosed).ConfigureAwait(false);
        return await run.ConfigureAwait(false) is { } found ? new KnownRun(found, Newest(await lastClosed.ConfigureAwait(false))) : null;
    }

    /// <summary>The run a card names and the member's stored answer to it, so they can change it.</summary>
    public async Task<ChangePulseResult> GetForChangeAsync(string memberId, string teamId, string runId, CancellationToken cancellationToken)
    {
        var run = await FindInvitedRunAsync(memberId, teamId, runId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return new ChangePulseResult(null, null, NotYourPulse);
        }

        if (!run.AcceptsAnswersAt(clock.GetUtcNow()))
        {
            return new ChangePulseResult(run, null, ClosedMessage);
        }

        return new ChangePulseResult(run, await GetAnswerAsync(run, memberId, cancellationToken).ConfigureAwait(false), null);
    }

    /// <summary>The open runs the member was invited to, across their teams, with their answers so far.</summary>
    public async Task<IReadOnlyList<OpenPulse>> FindOpenForMemberAsync(string memberId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var found = new List<OpenPulse>();
        foreach (var membership in await teams.GetMembershipsAsync(memberId, cancellationToken).ConfigureAwait(false))
        {
            var latest = Newest(await pulses.GetRecentRunsAsync(membership.TeamId, 1, cancellationToken).ConfigureAwait(false));
            if (latest is null || !latest.AcceptsAnswersAt(now)
                || !await pulses.IsInvitedAsync(latest.TeamId, latest.RunId, memberId, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var team = await teams.GetTeamAsync(latest.TeamId, cancellationToken).ConfigureAwait(false);
            found.Add(new OpenPulse(latest, team?.Name, await GetAnswerAsync(latest, memberId, cancellationToken).ConfigureAwait(false)));
        }

        return found;
    }

    /// <summary>The team's open run, if any (it may have passed its closing time without being closed yet).</summary>
    public async Task<PulseRun?> FindOpenRunAsync(string teamId, CancellationToken cancellationToken)
    {
        var latest = Newest(await pulses.GetRecentRunsAsync(teamId, 1, cancellationToken).ConfigureAwait(false));
        return latest?.State == PulseRunState.Open ? latest : null;
    }

    /// <summary>
    /// Closes a run: rolls it up, stores its comments apart from the scores and removes the sealed
    /// answers. On a run already closed it finishes whatever an interrupted close left undone and
    /// returns the stored roll-up.
    /// </summary>
    public async Task<PulseRollup> CloseAsync(PulseRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return await CloseAsync(run, await banks.ForTeamAsync(run.TeamId, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    private async Task<PulseRollup> CloseAsync(PulseRun run, QuestionBank bank, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var closed = run.State == PulseRunState.Open
            ? run with { State = PulseRunState.Closed, ClosesAt = now < run.ClosesAt ? now : run.ClosesAt }
            : run;
        var rollup = await pulses.CloseRunAsync(closed, (stored, sealedAnswers) => RollUp(stored, sealedAnswers, bank), cancellationToken).ConfigureAwait(false);
        knownRuns.Remove((run.TeamId, run.RunId));
        // Every way a run closes (its job, a lead, the next run opening, a close finished after a
        // crash) plans the results for the members; planning again is harmless.
        await results.PlanAsync(rollup, cancellationToken).ConfigureAwait(false);
        return rollup;
    }

    // The one place answers are opened all together: into numbers and loose comments, and no further.
    private ClosedRunResults RollUp(PulseRun closed, IReadOnlyList<SealedAnswer> sealedAnswers, QuestionBank bank)
    {
        var answers = sealedAnswers.Select(answer => TryOpen(closed, answer.AnswerKey, answer.Sealed)).OfType<PulseAnswer>().ToList();
        return new ClosedRunResults(
            PulseRollups.Compute(closed, answers, bank, closed.ClosesAt),
            [.. answers.Select(answer => answer.Comment).OfType<string>()]);
    }

    private async Task<PulseAnswer?> GetAnswerAsync(PulseRun run, string memberId, CancellationToken cancellationToken)
    {
        var answerKey = keys.AnswerKey(run.RunId, memberId);
        var sealedAnswer = await pulses.GetAnswerAsync(run.TeamId, run.RunId, answerKey, cancellationToken).ConfigureAwait(false);
        return sealedAnswer is null ? null : TryOpen(run, answerKey, sealedAnswer);
    }

    // An answer that does not open was sealed under a secret since replaced (or tampered with): it
    // is left out, like an answer never given, rather than stop a run from closing.
    private PulseAnswer? TryOpen(PulseRun run, string answerKey, byte[] sealedAnswer)
    {
        try
        {
            return seal.Open(run.TeamId, run.RunId, answerKey, sealedAnswer);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private const string NotYourPulse =
        "This card doesn't belong to a pulse you were invited to, so nothing was recorded. Type pulse to see the pulses open for you.";

    private const string ClosedMessage =
        "This pulse has closed, so answers are no longer recorded. Thanks all the same; the next one will reach you here.";

    private static T? Newest<T>(IReadOnlyList<T> newestFirst)
        where T : class => newestFirst.Count > 0 ? newestFirst[0] : null;

    // A run the sender was invited to: the invitation is written by the server when the run
    // starts, so a card edited to name another team's run finds nothing here.
    private async Task<PulseRun?> FindInvitedRunAsync(string memberId, string teamId, string runId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(memberId) || !PulseRunIds.IsWellFormed(runId))
        {
            return null;
        }

        // Both point reads at once: a submit is the hottest turn there is.
        var run = pulses.GetRunAsync(teamId, runId, cancellationToken);
        var invited = pulses.IsInvitedAsync(teamId, runId, memberId, cancellationToken);
        await Task.WhenAll(run, invited).ConfigureAwait(false);
        return await invited.ConfigureAwait(false) ? await run.ConfigureAwait(false) : null;
    }
}

/// <summary>A started run, or the open run that prevented starting one (both null: nobody to invite).</summary>
/// <param name="Started">The run started.</param>
/// <param name="AlreadyOpen">The open run that prevented it.</param>
/// <param name="Bank">The team's bank the started run's items come from, to render its cards.</param>
public sealed record StartPulseResult(PulseRun? Started, PulseRun? AlreadyOpen, QuestionBank? Bank);

/// <summary>The outcome of a pulse submit; only <see cref="SubmitOutcome.Recorded"/> wrote anything.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Run">The run, when the card named one the member was invited to.</param>
/// <param name="Problem">Why it was refused, for the member.</param>
/// <param name="LastClosed">The team's last roll-up, for the thank-you card.</param>
public sealed record SubmitPulseResult(SubmitOutcome Outcome, PulseRun? Run, string? Problem, PulseRollup? LastClosed);

/// <summary>What became of a pulse submit.</summary>
public enum SubmitOutcome
{
    /// <summary>The answer is stored (replacing an earlier one).</summary>
    Recorded,

    /// <summary>The answers break a rule; the member can fix them and submit again.</summary>
    Invalid,

    /// <summary>The run no longer takes answers.</summary>
    Closed,

    /// <summary>The card names no run the sender was invited to.</summary>
    NotYours,
}

/// <summary>A run to change an answer to, the answer so far, or why it can't be changed.</summary>
public sealed record ChangePulseResult(PulseRun? Run, PulseAnswer? Answer, string? Problem);

/// <summary>An open run a member can answer.</summary>
public sealed record OpenPulse(PulseRun Run, string? TeamName, PulseAnswer? Answer);
