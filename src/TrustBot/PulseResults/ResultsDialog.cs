using System.Text.Json.Nodes;
using TrustBot.Bot;
using TrustBot.Cards;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Summary;
using TrustBot.Teams;

namespace TrustBot.PulseResults;

/// <summary>
/// A lead sends a closed pulse's results to the members now, with an optional "what we will do"
/// line. The card names the team and the run; storage decides whether the sender leads that team
/// and whether the run is one of its closed ones. The results go once: a second send (another
/// lead's, or after the wait ran out) is told when and how they went, and sends nothing.
/// </summary>
public sealed partial class ResultsDialog(
    TeamDirectory directory, ResultsService results, PulseResultsPlanner planner, ILogger<ResultsDialog> logger) : IDialog
{
    /// <inheritdoc />
    public void DeclareRoutes(DialogRoutes routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.Verb(LeadResultsCard.SendVerb, SendAsync);
    }

    private async Task<AdaptiveCard> SendAsync(BotTurn turn, JsonObject? data, CancellationToken cancellationToken)
    {
        if (Read(data) is not var (teamId, runId, line))
        {
            return Problem("This card can't be used", "Its data isn't what I sent, so nothing was sent.");
        }

        var team = await directory.FindLedTeamAsync(turn.MemberId, teamId, cancellationToken).ConfigureAwait(false);
        if (team is null)
        {
            LogRefused(logger, teamId);
            return Problem("Nothing was sent", "Only a lead of the team can send its results, and this card is for a team you don't lead.");
        }

        var shown = await results.ResultsOfAsync(team.Id, runId, cancellationToken).ConfigureAwait(false);
        if (shown is not { HasNumbers: true })
        {
            return Problem("Nothing was sent", shown is null
                ? "That pulse isn't one of this team's closed pulses, so there are no results to send."
                : "Too few people answered that pulse to show results; the members were told so already.");
        }

        var problems = ResultsRelease.LineProblems(line).ToList();
        if (problems.Count > 0)
        {
            return LeadResultsCard.Build(team, shown, planner.SendsWithoutLineAt(shown.View!.To), line, problems);
        }

        var sent = await results.SendAsync(team, runId, string.IsNullOrWhiteSpace(line) ? null : line.Trim(), cancellationToken).ConfigureAwait(false);
        if (!sent.Added)
        {
            var how = sent.Release.Line is null ? "without a line" : $"with the line “{sent.Release.Line}”";
            return NoticeCard.Build("The results went already", $"They went to the members on {CardText.LocalDateTime(sent.Release.ReleasedAt)}, {how}. Nothing more was sent.");
        }

        LogSent(logger, runId, team.Id);
        return LeadResultsCard.Sent(team, shown, sent.Release, sent.Queued);
    }

    // The team and run the card names (a run id of the shape the bot writes), and the line as typed.
    private static (string TeamId, string RunId, string? Line)? Read(JsonObject? data) =>
        data is { } json
        && CardSubmit.TeamIdOf(json) is { } teamId
        && CardSubmit.TryReadText(json, "runId", out var runId)
        && PulseRunIds.IsWellFormed(runId)
        && CardSubmit.TryReadText(json, LeadResultsCard.LineInput, out var line)
            ? (teamId, runId, line)
            : null;

    private static AdaptiveCard Problem(string title, string message) =>
        NoticeCard.Build(title, message, isProblem: true);

    [LoggerMessage(Level = LogLevel.Information, Message = "A lead sent the results of run {RunId} of team {TeamId}")]
    private static partial void LogSent(ILogger logger, string runId, string teamId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A results card for team {TeamId} was refused: the sender does not lead that team")]
    private static partial void LogRefused(ILogger logger, string teamId);
}
