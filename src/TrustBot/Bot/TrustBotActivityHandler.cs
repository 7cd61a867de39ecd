using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using TrustBot.Cards;
using TrustBot.Domain.Teams;
using TrustBot.Onboarding;
using TrustBot.Teams;

namespace TrustBot.Bot;

/// <summary>
/// TrustBot's one bot class: turns Teams activities into calls on the dialogs. It keeps no
/// state of its own; dialogs read and write what they need.
/// </summary>
public sealed class TrustBotActivityHandler(
    DialogRouter router, HelpDialog help, WelcomeDialog welcome, TeamDirectory directory, TeamInstallations installations, TeamChooser chooser, TeamChanges changes,
    PersonalTimeZones zones, TimeProvider clock)
    : TeamsActivityHandler
{
    /// <inheritdoc />
    /// <remarks>Every message first notes where the sender is, so what is planned for them keeps to their day (card actions do not: see <see cref="PersonalTimeZones"/>).</remarks>
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var turn = Translate(turnContext);
        await zones.RememberAsync(turn, cancellationToken).ConfigureAwait(false);

        // In channels and group chats the text starts with "<at>TrustBot</at>"; route what follows.
        var text = WithoutBotMention(turnContext.Activity);
        var match = router.MatchCommand(text);
        await (match is null
            ? help.ReplyToUnknownAsync(turn, text, cancellationToken)
            : match.Handler(turn, match.Argument, cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(
        ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invokeValue);
        var verb = invokeValue.Action?.Verb;
        var turn = Translate(turnContext);
        var data = TurnTranslation.DataOf(invokeValue);
        var card = verb == TeamPickerCard.Verb
            // Which team a 1:1 command meant: the command runs again, for the chosen team, through the router.
            ? await chooser.OnChosenAsync(turn, data, router, cancellationToken).ConfigureAwait(false)
            : router.HandlerForVerb(verb) is { } handler
                ? await handler(turn, data, cancellationToken).ConfigureAwait(false)
                : UnknownVerb;
        return card.ToInvokeResponse();
    }

    /// <summary>What a button whose verb no dialog declares gets: never another verb's handler.</summary>
    public static AdaptiveCard UnknownVerb => NoticeCard.Build(
        "This button no longer works",
        "It may belong to an older version of TrustBot. Type help to see what I can do now.",
        isProblem: true);

    /// <inheritdoc />
    /// <remarks>
    /// Handled here rather than through <see cref="TeamsActivityHandler"/>'s members-added
    /// dispatch, which looks up every added person with a Bot Connector call: Teams names most
    /// people's Entra object id in the update itself, so only those it does not are looked up.
    /// </remarks>
    protected override async Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var turn = Translate(turnContext);
        var botId = turnContext.Activity.Recipient?.Id;
        if (turnContext.Activity.MembersAdded?.Any(m => m.Id == botId) == true)
        {
            await installations.InstallAsync(turn, cancellationToken).ConfigureAwait(false);
            await welcome.GreetAsync(turn, cancellationToken).ConfigureAwait(false);
        }
        else if (turnContext.Activity.MembersRemoved?.Any(m => m.Id == botId) == true)
        {
            await installations.UninstallAsync(turn, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await directory.AddJoinedMembersAsync(turn, cancellationToken).ConfigureAwait(false);
            var ended = await directory.RemoveLeftMembersAsync(turn, cancellationToken).ConfigureAwait(false);

            // After the roster is updated: record the change, welcome joiners with the charter, suggest a check-in.
            var aLeadLeft = ended.Any(role => role.Role == TeamRole.Lead);
            await changes.NoteMembersChangedAsync(turn, aLeadLeft, cancellationToken).ConfigureAwait(false);
        }
    }

    private BotTurn Translate(ITurnContext turnContext) => TurnTranslation.Of(turnContext, clock.GetUtcNow());

    // Bot Builder's RemoveRecipientMention throws on a mention entity without "mentioned"; a
    // malformed activity must still get an answer, so read the entities defensively.
    private static string WithoutBotMention(IMessageActivity activity)
    {
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.Type == "mention"
                && (string?)entity.Properties?["mentioned"]?["id"] == botId
                && (string?)entity.Properties?["text"] is { Length: > 0 } mentionText)
            {
                text = text.Replace(mentionText, string.Empty, StringComparison.Ordinal);
            }
        }

        return text.Trim();
    }
}
