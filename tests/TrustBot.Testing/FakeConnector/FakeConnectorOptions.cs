namespace TrustBot.Testing;

/// <summary>How a <see cref="FakeBotConnector"/> starts.</summary>
public sealed record FakeConnectorOptions
{
    /// <summary>
    /// The loopback port to listen on; 0 (the default) lets the system pick a free one. Give a fixed
    /// port to restart a fake at the same service URL that stored conversation references hold.
    /// </summary>
    public int Port { get; init; }

    /// <summary>A global rate limit in force from the start (see <see cref="FakeBotConnector.Throttle"/>); null for none.</summary>
    public double? MessagesPerSecond { get; init; }

    /// <summary>
    /// Time added to every request before it is answered, to imitate Teams' network round trip
    /// (a sender that waits for each reply in turn is then bounded by it). Real time, zero by default.
    /// </summary>
    public TimeSpan Latency { get; init; }

    /// <summary>The tenant id the roster's members carry.</summary>
    public string TenantId { get; init; } = "00000000-0000-0000-0000-00000000fa4e";

    /// <summary>
    /// The clock for the rate limit and for <see cref="ReceivedActivity.At"/>. A fake clock makes
    /// the rate limit exact in a test: nothing refills until the test advances it.
    /// </summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
