using TrustBot.Cards;
using TrustBot.Domain.Teams;

namespace TrustBot.Bot;

/// <summary>
/// One turn someone started in Teams, in TrustBot's own terms: who sent it, from where, what they
/// typed, and how to answer. <see cref="TurnTranslation"/> builds it from the Bot Framework activity,
/// so features never see the SDK. Everything here comes from what Teams authenticated, never from
/// card data a client can edit.
/// </summary>
public sealed class BotTurn(TurnSender sender, TurnPlace place, ITurnReplies replies)
{
    /// <summary>Who sent the turn.</summary>
    public TurnSender Sender { get; } = sender;

    /// <summary>Where the turn happened.</summary>
    public TurnPlace Place { get; } = place;

    /// <summary>The sender's stable id: their Microsoft Entra object id, or the Teams user id when absent.</summary>
    public string MemberId => Sender.MemberId;

    /// <summary>Where the conversation happens: a 1:1 chat, a group chat or a channel.</summary>
    public ConversationScope Scope => Place.Scope;

    /// <summary>The team of the channel or group chat the turn happened in; null in a 1:1 chat.</summary>
    public Team? Team => Place.Team;

    /// <summary>The sender's personal chat with the bot, when the turn happened in one.</summary>
    public PersonalChat? PersonalChat => Place.PersonalChat;

    /// <summary>The message text as typed (mention included), trimmed; empty for anything but a message.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>People a conversation update says joined (no bots); empty for other turns.</summary>
    public IReadOnlyList<TeamsPerson> MembersAdded { get; init; } = [];

    /// <summary>People a conversation update says left (no bots); empty for other turns.</summary>
    public IReadOnlyList<TeamsPerson> MembersRemoved { get; init; } = [];

    /// <summary>
    /// The team the sender chose on the team picker, for the command this turn runs again; null
    /// otherwise. Only a hint: the role it needs is checked against storage like any other choice.
    /// </summary>
    public string? ChosenTeamId { get; set; }

    /// <summary>Sends a text message into the turn's conversation.</summary>
    public Task ReplyAsync(string text, CancellationToken cancellationToken) => replies.SendTextAsync(text, cancellationToken);

    /// <summary>Sends a card into the turn's conversation.</summary>
    public Task ReplyAsync(AdaptiveCard card, CancellationToken cancellationToken) => replies.SendCardAsync(card, cancellationToken);
}

/// <summary>Who sent a turn.</summary>
/// <param name="MemberId">Their Microsoft Entra object id, or the Teams user id when absent.</param>
/// <param name="UserId">Their Teams user id (<c>29:…</c>).</param>
/// <param name="Name">Their display name, when Teams sent one.</param>
/// <param name="TenantId">The tenant the turn comes from.</param>
/// <param name="LocalTimestamp">Their client's local time, whose offset tells their date; null when not sent.</param>
/// <param name="ReportedTimeZone">The IANA time zone their client reports; null when not sent.</param>
public sealed record TurnSender(string MemberId, string UserId, string? Name, string TenantId, DateTimeOffset? LocalTimestamp = null, string? ReportedTimeZone = null);

/// <summary>Where a turn happened.</summary>
/// <param name="Scope">A 1:1 chat, a group chat or a channel.</param>
/// <param name="Team">The team of the channel or group chat; null in a 1:1 chat.</param>
/// <param name="PersonalChat">The sender's 1:1 chat with the bot, when the turn happened there.</param>
public sealed record TurnPlace(ConversationScope Scope, Team? Team, PersonalChat? PersonalChat);

/// <summary>Someone a conversation update names as joining or leaving.</summary>
/// <param name="UserId">Their Teams user id (<c>29:…</c>).</param>
/// <param name="MemberId">Their Microsoft Entra object id, when Teams sent it.</param>
/// <param name="Name">Their display name, when Teams sent it.</param>
public sealed record TeamsPerson(string UserId, string? MemberId, string? Name);

/// <summary>How a turn answers into its conversation; implemented over the Bot Framework in <see cref="TurnTranslation"/>.</summary>
public interface ITurnReplies
{
    /// <summary>Sends a text message.</summary>
    Task SendTextAsync(string text, CancellationToken cancellationToken);

    /// <summary>Sends a card.</summary>
    Task SendCardAsync(AdaptiveCard card, CancellationToken cancellationToken);
}
