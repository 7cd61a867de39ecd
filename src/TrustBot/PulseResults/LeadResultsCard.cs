using TrustBot.Cards;
using TrustBot.Domain.Summary;
using TrustBot.Domain.Teams;

namespace TrustBot.PulseResults;

/// <summary>
/// What each lead gets when a pulse that met its k closes: the members' card as a preview, a box for
/// the "what we will do" line and a button to send the results now. Without a lead's send they go
/// without a line once the wait is over.
/// </summary>
public static class LeadResultsCard
{
    /// <summary>The verb of the "Send results now" button.</summary>
    public const string SendVerb = "results.send";

    /// <summary>Input id of the "what we will do" line.</summary>
    public const string LineInput = "line";

    /// <summary>Builds the lead's card.</summary>
    /// <param name="team">The team.</param>
    /// <param name="results">The run's results (with numbers).</param>
    /// <param name="sendsWithoutLineAt">When they go without a line if no lead sends them.</param>
    /// <param name="line">The line to fill the box with (what was sent when it was refused).</param>
    /// <param name="problems">Why the last send was refused, shown on top.</param>
    public static AdaptiveCard Build(Team team, RunResults results, DateTimeOffset sendsWithoutLineAt, string? line = null, IReadOnlyList<string>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(results);
        List<CardElement> body =
        [
            CardBlocks.Heading(team.Name is null ? "The results are ready" : $"The results are ready: {team.Name}"),
            new TextBlock("Every member gets the card below in their chat with me. Add a line on what the team will do about it: " +
                $"results with a next step keep people answering. If no lead sends them by {CardText.LocalDateTime(sendsWithoutLineAt)}, they go without one."),
        ];
        if (problems is { Count: > 0 })
        {
            body.Add(CardBlocks.Problems(problems));
        }

        body.Add(new TextInput(LineInput)
        {
            Label = "What we will do (optional)",
            Placeholder = "e.g. We'll start Monday's stand-up with risks and concerns for the next month.",
            Value = line,
            MaxLength = ResultsRelease.MaxLineLength,
            IsMultiline = true,
        });
        body.Add(new Container(MemberResultsCard.Body(team.Name, results, line: null)) { Style = ContainerStyle.Emphasis, Separator = true });
        return new AdaptiveCard
        {
            Body = body,
            Actions = [new ExecuteAction("Send results now", SendVerb) { Data = Data(team.Id, results.RunId), Style = ActionStyle.Positive }],
        };
    }

    /// <summary>The lead's card once the results went: to how many, and with which line.</summary>
    public static AdaptiveCard Sent(Team team, RunResults results, ResultsRelease release, int queued)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(release);
        var with = release.Line is null ? "without a line" : $"with your line: “{release.Line}”";
        return new AdaptiveCard
        {
            Body =
            [
                CardBlocks.Heading(team.Name is null ? "Results sent" : $"Results sent: {team.Name}"),
                new TextBlock($"They are on their way to {queued} member{(queued == 1 ? string.Empty : "s")}, {with}.") { Color = TextColor.Good, Weight = TextWeight.Bolder },
                new Container(MemberResultsCard.Body(team.Name, results, release.Line)) { Style = ContainerStyle.Emphasis, Separator = true },
            ],
        };
    }

    /// <summary>The data of the send button.</summary>
    public static object Data(string teamId, string runId) => new Dictionary<string, string> { ["teamId"] = teamId, ["runId"] = runId };
}
