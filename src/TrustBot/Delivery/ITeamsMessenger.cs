using TrustBot.Cards;
using TrustBot.Domain.Teams;

namespace TrustBot.Delivery;

/// <summary>
/// What the bot asks of Teams outside a user's turn: the roster, and messages it starts itself.
/// The boundary to the Bot Connector, so dialogs can be tested without one.
/// </summary>
public interface ITeamsMessenger
{
    /// <summary>Sends a card (and its text) to a member's personal chat, creating the chat when the bot has none with them yet.</summary>
    Task SendToMemberAsync(Team team, RosterMember member, CardMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Waits for the rate-limit permit a message to the member would take, and sends nothing: a
    /// delivery skipped on purpose (a reminder to a member who answered) goes the same throttled way
    /// as one sent, so its timing does not tell the two apart.
    /// </summary>
    Task PaceToMemberAsync(Team team, RosterMember member, CancellationToken cancellationToken);

    /// <summary>The team's members as Teams reports them now (all pages), without bots.</summary>
    Task<IReadOnlyList<RosterMember>> GetRosterAsync(Team team, CancellationToken cancellationToken);

    /// <summary>
    /// One member of the team as Teams reports them now (one call, unlike the whole roster), by
    /// their Teams user id (<c>29:…</c>); null when they are not a member.
    /// </summary>
    Task<RosterMember?> GetMemberAsync(Team team, string userId, CancellationToken cancellationToken);

    /// <summary>Posts a card (and its text) to the team's own conversation (its General channel, or the group chat).</summary>
    Task PostToTeamAsync(Team team, CardMessage message, CancellationToken cancellationToken);
}
