using TrustBot.Bot;
using TrustBot.Domain.Pulse;

namespace TrustBot.Pulse;

/// <summary>
/// What a pulse submit needs besides the member's invitation, kept per run so that a submit makes
/// one read and one write: the run as read (its items, window and threshold do not change while it
/// is open) and the team's last roll-up when it was read, for the thank-you card. It holds no answer
/// and nothing about any member. A close on another instance is not announced here: the submit's
/// write needs the run's open mark, which the close deletes, and a submit that finds it gone forgets
/// the run (see <see cref="IPulseStore.TrySaveAnswerWhileOpenAsync"/>).
/// </summary>
public sealed class PulseRunCache() : BoundedCache<(string TeamId, string RunId), KnownRun>(DefaultCapacity, DefaultLifetime)
{
    /// <summary>Runs kept at once: one per team with a run being answered; a few hundred bytes each.</summary>
    public const int DefaultCapacity = 2_000;

    /// <summary>
    /// How long a run is kept: the "last time" a thank-you card shows may be this old when the
    /// previous run's close was still finishing as this one opened.
    /// </summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(10);
}

/// <summary>A run as a submit sees it, and the team's last roll-up before it.</summary>
/// <param name="Run">The run.</param>
/// <param name="LastClosed">The team's newest roll-up when the run was read, for the thank-you card.</param>
public sealed record KnownRun(PulseRun Run, PulseRollup? LastClosed);
