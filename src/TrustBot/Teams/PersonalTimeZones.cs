using Microsoft.Extensions.Caching.Memory;
using TrustBot.Bot;
using TrustBot.Domain.Actions;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;

namespace TrustBot.Teams;

/// <summary>
/// Remembers the time zone each person's Teams client reports, on their <see cref="PersonalChat"/>
/// row, so what is planned for them (their action reminders) keeps to their own day rather than
/// that of whoever planned it.
/// </summary>
/// <remarks>
/// Only typed messages are used, never card actions: a pulse answer is a card action, and a write to
/// a row keyed by the person at the moment an anonymous answer is stored would let whoever reads
/// storage pair the two by their Timestamps. A write happens only when the person moved (or on their
/// first message), and the zone last confirmed for each person is kept in memory for a while, so most
/// messages cost no storage at all. The row says where someone is, never what they answered.
/// </remarks>
public sealed class PersonalTimeZones(ITeamStore teams) : IDisposable
{
    // Bounded, and short-lived so that a move recorded by another instance is picked up here soon.
    private const int CachedPeople = 20_000;
    private static readonly TimeSpan ConfirmedFor = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _confirmed = new(new MemoryCacheOptions { SizeLimit = CachedPeople });

    /// <summary>Stores the sender's time zone when a typed message reports one that differs from the stored one.</summary>
    public async Task RememberAsync(BotTurn message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (LocalCalendar.ZoneIdOf(message.Sender) is not { } zone
            || message.MemberId is not { Length: > 0 } memberId)
        {
            return;
        }

        if (_confirmed.TryGetValue(memberId, out string? known) && known == zone)
        {
            return;
        }

        var stored = await teams.GetPersonalChatAsync(memberId, cancellationToken).ConfigureAwait(false);
        if (stored?.TimeZoneId == zone || SaysNoMore(zone, stored?.TimeZoneId, message.Sender.LocalTimestamp))
        {
            Confirm(memberId, zone);
            return;
        }

        // Without a stored chat, only a turn in the person's own 1:1 chat says how to reach them.
        if ((stored ?? message.PersonalChat) is { } chat)
        {
            await teams.SavePersonalChatAsync(chat with { TimeZoneId = zone }, cancellationToken).ConfigureAwait(false);
            Confirm(memberId, zone);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _confirmed.Dispose();

    private void Confirm(string memberId, string zone) =>
        _confirmed.Set(memberId, zone, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = ConfirmedFor });

    // A client that sends only its local time's offset (some do on card actions) agrees with a stored
    // IANA zone at that offset: keeping the zone keeps its daylight saving changes, and saves a write
    // on every turn of a person whose clients report both ways.
    private static bool SaysNoMore(string reported, string? stored, DateTimeOffset? localTime) =>
        stored is not null && localTime is { } at && ScheduleRules.FindTimeZone(reported) is null
            && ActionReminders.ZoneOf(stored).GetUtcOffset(at) == at.Offset;

    /// <summary>The time zone the person's client last reported, or null when none was seen.</summary>
    public async Task<string?> ZoneIdOfAsync(string memberId, CancellationToken cancellationToken) =>
        (await teams.GetPersonalChatAsync(memberId, cancellationToken).ConfigureAwait(false))?.TimeZoneId;
}
