using System.Text.Json.Nodes;
using TrustBot.Cards;
using TrustBot.Domain.Questions;

namespace TrustBot.Questions;

/// <summary>
/// What the question cards send back. Nothing here is trusted: the server checks that the sender
/// leads the team named, and that the question is the team's, on every click. What cannot even be
/// read as the card wrote it comes back null.
/// </summary>
public static class QuestionCardData
{
    /// <summary>Input id of the question's text.</summary>
    public const string TextInput = "text";

    /// <summary>Input id of the factor choice.</summary>
    public const string FactorInput = "factor";

    /// <summary>Input id of the "agreeing means less trust" toggle.</summary>
    public const string ReverseInput = "reverse";

    /// <summary>The data of the add card's button.</summary>
    public static object ForAdd(string teamId) => new { teamId };

    /// <summary>The data of a question's Retire button.</summary>
    public static object ForRetire(string teamId, string itemId) => new { teamId, itemId };

    /// <summary>The team and the draft an add card sends, or null when the data is malformed.</summary>
    public static AddQuestionData? ReadAdd(JsonObject? data)
    {
        if (data is not { } json
            || CardSubmit.TeamIdOf(json) is not { } teamId
            || !CardSubmit.TryReadText(json, TextInput, out var text)
            || !CardSubmit.TryReadText(json, FactorInput, out var factor)
            || !CardSubmit.TryReadText(json, ReverseInput, out var reverse)
            || reverse is not (null or "true" or "false"))
        {
            return null;
        }

        return new AddQuestionData(teamId, new TeamQuestionDraft(text, string.IsNullOrWhiteSpace(factor) ? null : factor.Trim(), reverse == "true"));
    }

    /// <summary>The team and question a Retire button names, or null when the data is malformed or the id is not a custom question's.</summary>
    public static RetireQuestionData? ReadRetire(JsonObject? data) =>
        data is { } json
        && CardSubmit.TeamIdOf(json) is { } teamId
        && CardSubmit.TryReadText(json, "itemId", out var itemId)
        && TeamQuestionIds.IsWellFormed(itemId)
            ? new RetireQuestionData(teamId, itemId)
            : null;
}

/// <summary>An add card's submit: the team it names and what the lead wrote.</summary>
/// <param name="TeamId">The team the card says it belongs to.</param>
/// <param name="Draft">The question as typed.</param>
public sealed record AddQuestionData(string TeamId, TeamQuestionDraft Draft);

/// <summary>A Retire click: the team and question it names.</summary>
/// <param name="TeamId">The team the card says it belongs to.</param>
/// <param name="ItemId">A well-formed custom question id.</param>
public sealed record RetireQuestionData(string TeamId, string ItemId);
