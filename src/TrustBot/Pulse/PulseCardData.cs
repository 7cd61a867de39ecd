using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrustBot.Cards;
using TrustBot.Domain.Pulse;

namespace TrustBot.Pulse;

/// <summary>
/// What a pulse card sends back: the team and run it belongs to (as the card was built) and the
/// member's inputs. Nothing here is trusted: the run must exist in that team and the sender must
/// have been invited to it, which the server checks on every submit.
/// </summary>
/// <param name="TeamId">The team the card says it belongs to.</param>
/// <param name="RunId">The run the card says it belongs to.</param>
/// <param name="Submission">The answer as typed; null when the inputs could not be read.</param>
/// <param name="Problem">Why the inputs could not be read, in words for the member.</param>
public sealed record PulseCardData(string TeamId, string RunId, PulseSubmission? Submission, string? Problem)
{
    /// <summary>The data a card for this run carries on its buttons.</summary>
    public static object For(PulseRun run) => new { teamId = run.TeamId, runId = run.RunId };

    /// <summary>
    /// Reads the invoke's data; null when it does not even name a well-formed team and run
    /// (a tampered or foreign card).
    /// </summary>
    public static PulseCardData? Read(JsonObject? data)
    {
        if (data is not { } json
            || CardSubmit.TeamIdOf(json) is not { } teamId
            || !CardSubmit.TryReadText(json, "runId", out var runId)
            || !PulseRunIds.IsWellFormed(runId))
        {
            return null;
        }

        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, value) in json)
        {
            if (!name.StartsWith(PulseCard.ScoreInputPrefix, StringComparison.Ordinal) || IsEmpty(value))
            {
                continue;
            }

            if (value is not JsonValue scalar
                || !int.TryParse(ScalarText(scalar), NumberStyles.None, CultureInfo.InvariantCulture, out var point))
            {
                return new PulseCardData(teamId, runId, null, "One of the answers is not a number from 1 to 5. Please pick again.");
            }

            scores[name[PulseCard.ScoreInputPrefix.Length..]] = point;
        }

        if (!CardSubmit.TryReadText(json, PulseCard.HelpedInput, out var helped)
            || !CardSubmit.TryReadText(json, PulseCard.HurtInput, out var hurt)
            || !CardSubmit.TryReadText(json, PulseCard.CommentInput, out var comment))
        {
            return new PulseCardData(teamId, runId, null, "Some of the answers could not be read. Please fill in the card again.");
        }

        var submission = new PulseSubmission(runId, scores, SplitPicks(helped), SplitPicks(hurt), string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());
        return new PulseCardData(teamId, runId, submission, null);
    }

    private static bool IsEmpty(JsonNode? value) =>
        value is null || (value.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetValue<string>()));

    // A choice arrives as a string ("4"); a whole number is read the same way, anything else is not a point.
    private static string? ScalarText(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number => value.ToJsonString(),
        _ => null,
    };

    private static List<string> SplitPicks(string? picks) =>
        [.. (picks ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
}
