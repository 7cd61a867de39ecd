using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using TrustBot.Bot;
using TrustBot.Cards;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Questions;
using TrustBot.Domain.Teams;
using TrustBot.Teams;

namespace TrustBot.Questions;

/// <summary>
/// A team's own pulse questions: leads add them (they join the rotation from the next pulse) and
/// retire them (no longer asked; their history stays).
/// </summary>
public sealed class QuestionsDialog(
    TeamDirectory directory,
    ITeamQuestionStore questions,
    TeamQuestionBank banks,
    TimeProvider clock) : IDialog
{
    /// <inheritdoc />
    public IReadOnlyList<BotCommand> Commands => [BotCommands.AddQuestion, BotCommands.Questions];

    /// <inheritdoc />
    public IReadOnlyList<string> Verbs => [AddQuestionCard.AddVerb, TeamQuestionsCard.RetireVerb];

    /// <inheritdoc />
    public async Task OnCommandAsync(ITurnContext<IMessageActivity> turn, BotCommand command, string argument, CancellationToken cancellationToken)
    {
        if (await directory.TeamForCommandAsync(turn, TeamRole.Lead, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return;
        }

        var card = command == BotCommands.AddQuestion
            ? AddQuestionCard.Build(team.Id)
            : TeamQuestionsCard.Build(team.Id, await questions.GetAllAsync(team.Id, cancellationToken).ConfigureAwait(false), banks.BuiltIn.Items.Count);
        await turn.SendActivityAsync(MessageFactory.Attachment(card.ToAttachment()), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<AdaptiveCardInvokeResponse> OnVerbAsync(ITurnContext<IInvokeActivity> turn, AdaptiveCardInvokeValue invoke, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(invoke);
        var memberId = ActivityIdentity.MemberIdOf(turn.Activity);
        return invoke.Action.Verb == AddQuestionCard.AddVerb
            ? AddAsync(memberId, invoke.Action.Data, cancellationToken)
            : RetireAsync(memberId, invoke.Action.Data, cancellationToken);
    }

    private async Task<AdaptiveCardInvokeResponse> AddAsync(string memberId, object? data, CancellationToken cancellationToken)
    {
        if (QuestionCardData.ReadAdd(data) is not { } add)
        {
            return Unusable("nothing was added. Type add question to get a fresh card.");
        }

        if (!await directory.LeadsAsync(memberId, add.TeamId, cancellationToken).ConfigureAwait(false))
        {
            return NotALead;
        }

        var problems = TeamQuestionRules.Problems(add.Draft, await banks.ForTeamAsync(add.TeamId, cancellationToken).ConfigureAwait(false));
        if (problems.Count > 0)
        {
            return AddQuestionCard.Build(add.TeamId, add.Draft, problems).ToInvokeResponse();
        }

        var question = TeamQuestion.New(add.TeamId, add.Draft, Guid.NewGuid(), clock.GetUtcNow());
        await questions.AddAsync(question, cancellationToken).ConfigureAwait(false);
        return NoticeCard.Build(
            "Question added",
            $"\"{question.Item.Text}\" ({TrustFactors.Find(question.Item.FactorId)!.Name}) joins your team's pulses from the next one. " +
            "Type questions to see your team's questions or retire one.").ToInvokeResponse();
    }

    private async Task<AdaptiveCardInvokeResponse> RetireAsync(string memberId, object? data, CancellationToken cancellationToken)
    {
        if (QuestionCardData.ReadRetire(data) is not { } retire)
        {
            return Unusable("nothing was retired. Type questions to get a fresh list.");
        }

        if (!await directory.LeadsAsync(memberId, retire.TeamId, cancellationToken).ConfigureAwait(false))
        {
            return NotALead;
        }

        var before = await questions.RetireAsync(retire.TeamId, retire.ItemId, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (before is null)
        {
            return NoticeCard.Build("Nothing was retired", "That question isn't one of your team's. Type questions to see your team's questions.", isProblem: true).ToInvokeResponse();
        }

        var notice = before.RetiredAt is { } retiredAt
            ? $"\"{before.Item.Text}\" was already retired on {CardText.LocalDateTime(retiredAt)}, so nothing changed."
            : $"\"{before.Item.Text}\" is retired: pulses won't ask it any more, and its earlier answers stay in your history.";
        var all = await questions.GetAllAsync(retire.TeamId, cancellationToken).ConfigureAwait(false);
        return TeamQuestionsCard.Build(retire.TeamId, all, banks.BuiltIn.Items.Count, notice).ToInvokeResponse();
    }

    private static AdaptiveCardInvokeResponse NotALead =>
        NoticeCard.Build("Only a lead can change this team's questions", "You don't lead the team this card belongs to, so nothing was changed.", isProblem: true).ToInvokeResponse();

    private static AdaptiveCardInvokeResponse Unusable(string outcome) =>
        NoticeCard.Build("This card can't be used", $"Its data isn't what I sent, so {outcome}", isProblem: true).ToInvokeResponse();
}
