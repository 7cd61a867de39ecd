using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using TrustBot.Cards;
using TrustBot.Delivery;
using TrustBot.Teams;

namespace TrustBot.Bot;

/// <summary>
/// The one translation between Bot Framework activities and TrustBot's own turn and card types:
/// an incoming activity becomes a <see cref="BotTurn"/>, card data becomes a <see cref="JsonObject"/>,
/// and an <see cref="AdaptiveCard"/> becomes an attachment or an invoke response.
/// </summary>
public static class TurnTranslation
{
    private const string TurnKey = "TrustBot.BotTurn";

    /// <summary>The turn in TrustBot's terms (the same object for the whole SDK turn).</summary>
    public static BotTurn Of(ITurnContext context, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.TurnState.Get<BotTurn>(TurnKey) is { } known)
        {
            return known;
        }

        var activity = context.Activity;
        var sender = new TurnSender(
            ActivityIdentity.MemberIdOf(activity),
            activity.From?.Id ?? string.Empty,
            activity.From?.Name,
            ActivityIdentity.TenantIdOf(activity),
            activity.LocalTimestamp,
            SenderTimeZoneOf(activity));
        var place = new TurnPlace(ConversationScopes.ScopeOf(activity), ActivityIdentity.TeamOf(activity, now), ActivityIdentity.PersonalChatOf(activity, LocalCalendar.ZoneIdOf(sender)));
        var turn = new BotTurn(sender, place, new Replies(context))
        {
            Text = activity.Type == ActivityTypes.Message ? (activity.Text ?? string.Empty).Trim() : string.Empty,
            MembersAdded = People(activity.MembersAdded),
            MembersRemoved = People(activity.MembersRemoved),
        };
        context.TurnState[TurnKey] = turn;
        return turn;
    }

    /// <summary>
    /// What an <c>Action.Execute</c> sent, as System.Text.Json: null when it is not a JSON object
    /// (which a card we sent never does).
    /// </summary>
    public static JsonObject? DataOf(AdaptiveCardInvokeValue? invoke)
    {
        if (invoke?.Action?.Data is not JObject data)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(data.ToString(Formatting.None)) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>The card as a Bot Framework attachment, ready to send.</summary>
    public static Attachment ToAttachment(this AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new() { ContentType = AdaptiveCard.ContentType, Content = ToJObject(card) };
    }

    /// <summary>A message activity carrying the card.</summary>
    public static IMessageActivity ToActivity(this AdaptiveCard card) => MessageFactory.Attachment(card.ToAttachment());

    /// <summary>A message activity carrying the card and its text.</summary>
    public static IMessageActivity ToActivity(this CardMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var activity = message.Card.ToActivity();
        activity.Text = message.Text;
        return activity;
    }

    /// <summary>
    /// The card as the answer to an <c>Action.Execute</c> invoke: Teams replaces the card that
    /// was clicked with this one.
    /// </summary>
    public static AdaptiveCardInvokeResponse ToInvokeResponse(this AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new() { StatusCode = 200, Type = AdaptiveCard.ContentType, Value = ToJObject(card) };
    }

    // Bot Framework serialises activities with Newtonsoft.Json; handing it a JObject keeps
    // our System.Text.Json shape exactly as written.
    private static JObject ToJObject(AdaptiveCard card) => JObject.Parse(card.ToJson());

    // The people among a conversation update's members: ones with a Teams user id, and no bots.
    private static List<TeamsPerson> People(IList<ChannelAccount>? accounts) =>
        accounts?.Where(account => account.Id is { Length: > 0 } && !ProactiveMessenger.IsBot(account))
            .Select(account => new TeamsPerson(account.Id, account.AadObjectId is { Length: > 0 } objectId ? objectId : null, account.Name))
            .ToList() ?? [];

    /// <summary>
    /// The IANA time zone the sender's Teams client reports: the activity's <c>localTimezone</c>, or
    /// the <c>timezone</c> of its <c>clientInfo</c> entity; null when neither is there.
    /// </summary>
    private static string? SenderTimeZoneOf(Activity activity)
    {
        if (activity.LocalTimezone is { Length: > 0 } localTimezone)
        {
            return localTimezone;
        }

        return activity.Entities?.FirstOrDefault(entity => entity.Type == "clientInfo")?.Properties?["timezone"] is JValue { Type: JTokenType.String } timezone
            ? (string?)timezone
            : null;
    }

    private sealed class Replies(ITurnContext context) : ITurnReplies
    {
        public Task SendTextAsync(string text, CancellationToken cancellationToken) =>
            context.SendActivityAsync(text, cancellationToken: cancellationToken);

        public Task SendCardAsync(AdaptiveCard card, CancellationToken cancellationToken) =>
            context.SendActivityAsync(card.ToActivity(), cancellationToken);
    }
}
