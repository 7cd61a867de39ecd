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
    PersonalTimeZones zones)
    : TeamsActivityHandler
{
    /// <inheritdoc />
    /// <remarks>Every message first notes where the sender is, so what is planned for them keeps to their day (card actions do not: see <see cref="PersonalTimeZones"/>).</remarks>
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        await zones.RememberAsync(turnContext.Activity, cancellationToken).ConfigureAwait(false);
        await base.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        // In channels and group chats the text starts with "<at>TrustBot</at>"; route what follows.
        var text = WithoutBotMention(turnContext.Activity);
        var match = router.MatchCommand(text);
        return match is null
            ? help.ReplyToUnknownAsync(turnContext, text, cancellationToken)
            : match.Dialog.OnCommandAsync(turnContext, match.Command, match.Argument, cancellationToken);
    }

    /// <inheritdoc />
    protected override Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(
        ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        if (invokeValue.Action?.Verb == TeamPickerCard.Verb)
        {
            // Which team a 1:1 command meant: the command runs again, for the chosen team, through the router.
            return chooser.OnChosenAsync(turnContext, invokeValue, router, cancellationToken);
        }

        var dialog = router.DialogForVerb(invokeValue.Action?.Verb);
        return dialog is null
            ? Task.FromResult(NoticeCard.Build(
                "This button no longer works",
                "It may belong to an older version of TrustBot. Type help to see what I can do now.",
                isProblem: true).ToInvokeResponse())
            : dialog.OnVerbAsync(turnContext, invokeValue, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Handled here rather than through <see cref="TeamsActivityHandler"/>'s members-added
    /// dispatch, which looks up every added person with a Bot Connector call: Teams names most
    /// people's Entra object id in the update itself, so only those it does not are looked up.
    /// </remarks>
    protected override async Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var botId = turnContext.Activity.Recipient?.Id;
        if (turnContext.Activity.MembersAdded?.Any(m => m.Id == botId) == true)
        {
            await installations.InstallAsync(turnContext, cancellationToken).ConfigureAwait(false);
            await welcome.GreetAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
        else if (turnContext.Activity.MembersRemoved?.Any(m => m.Id == botId) == true)
        {
            await installations.UninstallAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await directory.AddJoinedMembersAsync(turnContext, cancellationToken).ConfigureAwait(false);
            var ended = await directory.RemoveLeftMembersAsync(turnContext, cancellationToken).ConfigureAwait(false);

            // After the roster is updated: record the change, welcome joiners with the charter, suggest a check-in.
            var aLeadLeft = ended.Any(role => role.Role == TeamRole.Lead);
            await changes.NoteMembersChangedAsync(turnContext, aLeadLeft, cancellationToken).ConfigureAwait(false);
        }
    }

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
