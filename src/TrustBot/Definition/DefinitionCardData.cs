using System.Text.Json.Nodes;
using TrustBot.Cards;
using TrustBot.Domain.Pulse;

namespace TrustBot.Definition;

/// <summary>
/// What stage 2's cards send back. Nothing here is trusted: the server checks the sender's team,
/// role or invitation, and that every id belongs to that team, on every click. What cannot even be
/// read as the card wrote it comes back null.
/// </summary>
public static class DefinitionCardData
{
    /// <summary>Input id of a statement's text.</summary>
    public const string TextInput = "text";

    /// <summary>Input id of the "show my name" toggle.</summary>
    public const string NamedInput = "named";

    /// <summary>Input id of the proposals picked (a ballot, or the lead's choice for the charter).</summary>
    public const string PicksInput = "picks";

    /// <summary>Input id of the charter's statements, one a line.</summary>
    public const string StatementsInput = "statements";

    /// <summary>The data of a card that acts on a team (propose, finalise, post).</summary>
    public static object ForTeam(string teamId) => new { teamId };

    /// <summary>The data of a ballot's button.</summary>
    public static object ForBallot(string teamId, string voteId) => new { teamId, voteId };

    /// <summary>The team a card names, or null when the data is malformed.</summary>
    public static string? ReadTeam(JsonObject? data) => CardSubmit.TeamIdOf(data);

    /// <summary>A proposal: the team, the text and whether to show the author's name; null when malformed.</summary>
    public static ProposalData? ReadProposal(JsonObject? data) =>
        data is { } json
        && CardSubmit.TeamIdOf(json) is { } teamId
        && CardSubmit.TryReadText(json, TextInput, out var text)
        && CardSubmit.TryReadText(json, NamedInput, out var named)
        && named is null or "true" or "false"
            ? new ProposalData(teamId, text, named == "true")
            : null;

    /// <summary>A ballot: the team, the vote and the picks; null when malformed.</summary>
    public static BallotData? ReadBallot(JsonObject? data) =>
        data is { } json
        && CardSubmit.TeamIdOf(json) is { } teamId
        && CardSubmit.TryReadText(json, "voteId", out var voteId)
        && PulseRunIds.IsWellFormed(voteId)
        && CardSubmit.TryReadText(json, PicksInput, out var picks)
            ? new BallotData(teamId, voteId, Split(picks))
            : null;

    /// <summary>A charter to save: the team, the proposals picked and the statements as edited; null when malformed.</summary>
    public static CharterDraftData? ReadCharterDraft(JsonObject? data) =>
        data is { } json
        && CardSubmit.TeamIdOf(json) is { } teamId
        && CardSubmit.TryReadText(json, PicksInput, out var picks)
        && CardSubmit.TryReadText(json, StatementsInput, out var statements)
            ? new CharterDraftData(teamId, Split(picks), statements)
            : null;

    // A multi-select sends its values comma-separated; duplicates are kept so the rules can refuse them.
    private static List<string> Split(string? picks) =>
        [.. (picks ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

/// <summary>A proposal card's submit.</summary>
/// <param name="TeamId">The team the card says it belongs to.</param>
/// <param name="Text">The statement as typed.</param>
/// <param name="Named">Whether the author chose to show their name.</param>
public sealed record ProposalData(string TeamId, string? Text, bool Named);

/// <summary>A ballot's submit.</summary>
/// <param name="TeamId">The team the card says it belongs to.</param>
/// <param name="VoteId">A well-formed vote id.</param>
/// <param name="Picks">The proposal ids picked, as sent.</param>
public sealed record BallotData(string TeamId, string VoteId, IReadOnlyList<string> Picks);

/// <summary>The finalise card's submit.</summary>
/// <param name="TeamId">The team the card says it belongs to.</param>
/// <param name="Picks">The proposal ids picked, as sent.</param>
/// <param name="Statements">The statements as edited, one a line; empty to use the picked proposals as they are.</param>
public sealed record CharterDraftData(string TeamId, IReadOnlyList<string> Picks, string? Statements);
