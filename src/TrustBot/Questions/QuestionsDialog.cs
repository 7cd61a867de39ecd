using System.Text.Json.Nodes;
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
    public void DeclareRoutes(DialogRoutes routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.Command(BotCommands.AddQuestion, OpenAddAsync)
            .Command(BotCommands.Questions, ListAsync)
            .Verb(AddQuestionCard.AddVerb, AddAsync)
            .Verb(TeamQuestionsCard.RetireVerb, RetireAsync);
    }

    private async Task OpenAddAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        if (await directory.TeamForCommandAsync(turn, TeamRole.Lead, cancellationToken).ConfigureAwait(false) is { } team)
        {
            await turn.ReplyAsync(AddQuestionCard.Build(team.Id), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ListAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        if (await directory.TeamForCommandAsync(turn, TeamRole.Lead, cancellationToken).ConfigureAwait(false) is { } team)
        {
            var all = await questions.GetAllAsync(team.Id, cancellationToken).ConfigureAwait(false);
            await turn.ReplyAsync(TeamQuestionsCard.Build(team.Id, all, banks.BuiltIn.Items.Count), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<AdaptiveCard> AddAsync(BotTurn turn, JsonObject? data, CancellationToken cancellationToken)
    {
        if (QuestionCardData.ReadAdd(data) is not { } add)
        {
            return Unusable("nothing was added. Type add question to get a fresh card.");
        }

        if (!await directory.LeadsAsync(turn.MemberId, add.TeamId, cancellationToken).ConfigureAwait(false))
        {
            return NotALead;
        }

        var problems = TeamQuestionRules.Problems(add.Draft, await banks.ForTeamAsync(add.TeamId, cancellationToken).ConfigureAwait(false));
        if (problems.Count > 0)
        {
            return AddQuestionCard.Build(add.TeamId, add.Draft, problems);
        }

        var question = TeamQuestion.New(add.TeamId, add.Draft, Guid.NewGuid(), clock.GetUtcNow());
        await questions.AddAsync(question, cancellationToken).ConfigureAwait(false);
        return NoticeCard.Build(
            "Question added",
            $"\"{question.Item.Text}\" ({TrustFactors.Find(question.Item.FactorId)!.Name}) joins your team's pulses from the next one. " +
            "Type questions to see your team's questions or retire one.");
    }

    private async Task<AdaptiveCard> RetireAsync(BotTurn turn, JsonObject? data, CancellationToken cancellationToken)
    {
        if (QuestionCardData.ReadRetire(data) is not { } retire)
        {
            return Unusable("nothing was retired. Type questions to get a fresh list.");
        }

        if (!await directory.LeadsAsync(turn.MemberId, retire.TeamId, cancellationToken).ConfigureAwait(false))
        {
            return NotALead;
        }

        var before = await questions.RetireAsync(retire.TeamId, retire.ItemId, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (before is null)
        {
            return NoticeCard.Build("Nothing was retired", "That question isn't one of your team's. Type questions to see your team's questions.", isProblem: true);
        }

        var notice = before.RetiredAt is { } retiredAt
            ? $"\"{before.Item.Text}\" was already retired on {CardText.LocalDateTime(retiredAt)}, so nothing changed."
            : $"\"{before.Item.Text}\" is retired: pulses won't ask it any more, and its earlier answers stay in your history.";
        var all = await questions.GetAllAsync(retire.TeamId, cancellationToken).ConfigureAwait(false);
        return TeamQuestionsCard.Build(retire.TeamId, all, banks.BuiltIn.Items.Count, notice);
    }

    private static AdaptiveCard NotALead =>
        NoticeCard.Build("Only a lead can change this team's questions", "You don't lead the team this card belongs to, so nothing was changed.", isProblem: true);

    private static AdaptiveCard Unusable(string outcome) =>
        NoticeCard.Build("This card can't be used", $"Its data isn't what I sent, so {outcome}", isProblem: true);
}
