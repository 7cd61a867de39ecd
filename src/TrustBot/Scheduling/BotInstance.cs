namespace TrustBot.Scheduling;

/// <summary>
/// Who this host is, for the planner lease and delivery claims: unique per start (two hosts in one
/// process are two instances), readable in storage.
/// </summary>
public sealed class BotInstance
{
    /// <summary>The machine name and a fresh id, e.g. <c>web-1/3f2a…</c>.</summary>
    public string Id { get; } = $"{Environment.MachineName}/{Guid.NewGuid():N}";
}
