namespace TrustBot.Storage.Pulse;

/// <summary>
/// The row keys of the pulse tables, all inside the team's partition. Each kind of row has its own
/// leading part, so every list is a prefix scan that sees no other kind.
/// </summary>
internal static class PulseRowKeys
{
    /// <summary>The claim of an open run in <c>PulseRuns</c>: at most one exists per team, which is what makes a second start fail.</summary>
    public const string OpenRun = "open";

    /// <summary>Run rows; run ids sort newest first, so the first rows under <see cref="RunPrefix"/> are the latest runs.</summary>
    public static readonly string RunPrefix = Prefix("run");

    /// <summary>Roll-up rows, in the same order as the runs.</summary>
    public static readonly string RollupPrefix = Prefix("rollup");

    public static string Run(string runId) => TableKey.Compose("run", runId);

    public static string Rollup(string runId) => TableKey.Compose("rollup", runId);

    public static string Invitation(string runId, string memberId) => TableKey.Compose(runId, memberId);

    public static string InvitationPrefix(string runId) => Prefix(runId);

    public static string Answer(string runId, string answerKey) => TableKey.Compose(runId, "answer", answerKey);

    public static string AnswerPrefix(string runId) => Prefix(runId, "answer");

    /// <summary>
    /// The run's open mark in <c>PulseResponses</c>: written before anyone is invited, deleted by the
    /// close before it reads the answers. An answer is written only in a transaction that finds it.
    /// </summary>
    public static string OpenMark(string runId) => TableKey.Compose(runId, "open");

    /// <summary>A comment's key: its place in the close's shuffle, zero-padded so keys are all one length.</summary>
    public static string Comment(string runId, int place) =>
        TableKey.Compose(runId, "comment", place.ToString("D6", System.Globalization.CultureInfo.InvariantCulture));

    public static string CommentPrefix(string runId) => Prefix(runId, "comment");

    /// <summary>The last part of a key made by <see cref="TableKey.Compose"/> (the run id, member or anonymous key).</summary>
    public static string LastPart(string rowKey) => TableKey.Decompose(rowKey)[^1];

    // The separator ends the prefix, so run "1" never lists the rows of run "10".
    private static string Prefix(params string[] parts) => TableKey.Compose(parts) + TableKey.Separator;
}
