using System.ComponentModel.DataAnnotations;

namespace TrustBot.Delivery;

/// <summary>How proactive messages are delivered (configuration section <c>Delivery</c>).</summary>
public sealed class DeliveryOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Delivery";

    /// <summary>Whether this instance runs delivery workers (tests drain the queue by hand).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Messages per second this instance sends into one tenant. Teams allows 50 per app per tenant
    /// (see <see cref="TeamsThrottle"/>); with several instances, give each its share.
    /// </summary>
    [Range(1, 10_000, ErrorMessage = "Delivery:MessagesPerSecondPerTenant must be between 1 and 10000.")]
    public int MessagesPerSecondPerTenant { get; set; } = 50;

    /// <summary>
    /// How many queue messages one instance works on at once, each the deliveries of one batch to up
    /// to 32 members (they wait for the rate limiter, not for each other). The default keeps about
    /// five seconds of sends at 50 a second in hand.
    /// </summary>
    [Range(1, 512, ErrorMessage = "Delivery:Concurrency must be between 1 and 512.")]
    public int Concurrency { get; set; } = 8;

    /// <summary>
    /// How long a finished delivery may wait to be recorded in the ledger together with others of
    /// its message. Longer means fewer storage requests; a process killed within it has sent
    /// deliveries the ledger does not show as done, and they are sent again (see README, "once").
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10", ErrorMessage = "Delivery:RecordEvery must be between 00:00:00 and 00:00:10.")]
    public TimeSpan RecordEvery { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long a received message stays hidden from other workers; a worker that dies mid-send
    /// leaves its message to reappear after this, and its claim counts as abandoned after it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Delivery:VisibilityTimeout must be between 00:00:01 and 01:00:00.")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many times a message is received before it is given up and recorded as a delivery failure.</summary>
    [Range(1, 100, ErrorMessage = "Delivery:MaxAttempts must be between 1 and 100.")]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Retries of a failing send (5xx, timeouts) within one attempt; a 429 is retried for as long as it takes.</summary>
    [Range(0, 20, ErrorMessage = "Delivery:TransientRetries must be between 0 and 20.")]
    public int TransientRetries { get; set; } = 4;

    /// <summary>The first backoff after a failed send, doubled each time (with jitter) when Teams gives no Retry-After.</summary>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between polls of an empty queue.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
