using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using TrustBot.Domain.Scheduling;

namespace TrustBot.Storage.Delivery;

/// <summary>
/// The Azure Storage queue of <see cref="DeliveryRequest"/>s: one message carries the deliveries
/// of one batch to up to <see cref="RecipientsPerMessage"/> members (a channel delivery goes
/// alone), so every instance's workers share the fan-out, a crash loses nothing (an unfinished
/// message comes back when its visibility timeout ends), and a fan-out of thousands costs a few
/// hundred queue requests, not thousands.
/// </summary>
public sealed class PendingDeliveries
{
    /// <summary>The queue's name without the prefix (registered by <c>AddTrustBotDeliveryStorage</c>).</summary>
    public const string QueueName = "deliveries";

    /// <summary>The most messages one receive call returns (the service's limit).</summary>
    public const int MaxReceive = 32;

    /// <summary>
    /// The most members one message carries: its ledger rows are claimed and recorded in one table
    /// transaction (at most 100 actions), and what a crashed worker held comes back to the next.
    /// </summary>
    public const int RecipientsPerMessage = 32;

    // Enough parallel sends to queue a fan-out of thousands in well under a second.
    private const int EnqueueParallelism = 8;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly QueueClient _queue;
    private readonly StorageResilience _resilience;
    private TaskCompletionSource _queued = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Uses the account's <see cref="QueueName"/> queue.</summary>
    public PendingDeliveries(StorageAccount account, StorageResilience resilience)
    {
        ArgumentNullException.ThrowIfNull(account);
        _queue = account.Queue(QueueName);
        _resilience = resilience;
    }

    /// <summary>
    /// Adds the requests, one message per batch and up to <see cref="RecipientsPerMessage"/> members
    /// (a member named twice in a batch once), in parallel; throws only when storage stays unavailable.
    /// </summary>
    public Task EnqueueAsync(IReadOnlyCollection<DeliveryRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return Parallel.ForEachAsync(
            Parcel(requests),
            new ParallelOptions { MaxDegreeOfParallelism = EnqueueParallelism, CancellationToken = cancellationToken },
            async (parcel, token) =>
            {
                await _resilience.ExecuteAsync(
                    t => _queue.SendMessageAsync(JsonSerializer.Serialize(parcel, Json), cancellationToken: t), token).ConfigureAwait(false);
                // The first message of a fan-out can go at once: wake this instance's idle worker.
                Interlocked.Exchange(ref _queued, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            });
    }

    /// <summary>
    /// Completes when this instance next queues a message (taken before a receive that finds the
    /// queue empty, so nothing queued in between is missed): an idle worker waits on it as well as
    /// on its poll interval, and starts a fan-out queued here without waiting out the interval.
    /// Messages other instances queue are found by polling.
    /// </summary>
    public Task NextQueuedHere => Volatile.Read(ref _queued).Task;

    /// <summary>Up to <paramref name="max"/> messages, each hidden from other receivers for <paramref name="visibility"/>.</summary>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var response = await _resilience.ExecuteAsync(
            token => _queue.ReceiveMessagesAsync(Math.Clamp(max, 1, MaxReceive), visibility, token), cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    /// <summary>Deletes a handled message. One another receiver holds now (its visibility ended) is left to that receiver.</summary>
    public async Task DeleteAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await _resilience.ExecuteAsync(token => _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, token), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404 || ex.ErrorCode == QueueErrorCode.PopReceiptMismatch)
        {
            // The receipt is stale (404, or 400 PopReceiptMismatch when another receiver took the
            // message since): that receiver finds the delivery recorded and deletes it.
        }
    }

    /// <summary>Makes a message visible again at once (this instance is stopping before it handled it).</summary>
    public async Task ReleaseAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await _resilience.ExecuteAsync(
                token => _queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: token),
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404 || ex.ErrorCode == QueueErrorCode.PopReceiptMismatch)
        {
            // Someone else holds it already.
        }
    }

    /// <summary>
    /// Hides a message in hand for another <paramref name="visibility"/> and returns it with its new
    /// pop receipt (the old one no longer deletes it).
    /// </summary>
    public async Task<QueueMessage> ExtendAsync(QueueMessage message, TimeSpan visibility, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var receipt = await _resilience.ExecuteAsync(
            token => _queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: visibility, cancellationToken: token),
            cancellationToken).ConfigureAwait(false);
        return message.Update(receipt.Value);
    }

    /// <summary>How many messages wait (approximate, as the service reports it).</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        var properties = await _resilience.ExecuteAsync(token => _queue.GetPropertiesAsync(token), cancellationToken).ConfigureAwait(false);
        return properties.Value.ApproximateMessagesCount;
    }

    /// <summary>
    /// The requests a message carries (one batch), or null when it is not a delivery message (it
    /// goes to the failures table). A message of one request, as queued before messages carried
    /// several, is read too.
    /// </summary>
    public static IReadOnlyList<DeliveryRequest>? Read(QueueMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            var parcel = JsonSerializer.Deserialize<DeliveryParcel>(message.Body.ToString(), Json);
            if (parcel is not { BatchId.Length: > 0, TeamId.Length: > 0, Subject: not null }
                || !Enum.IsDefined(parcel.Kind)
                || (parcel.Recipient is not null && parcel.Recipients is not null))
            {
                return null;
            }

            RosterMemberRef?[] recipients = parcel.Recipients is { } members ? [.. members] : [parcel.Recipient];
            return recipients.Length is > 0 and <= RecipientsPerMessage
                && (recipients.Length == 1 || recipients.All(recipient => recipient is not null))
                && recipients.All(recipient => recipient is null || recipient is { MemberId.Length: > 0, UserId.Length: > 0 })
                ? [.. recipients.Select(recipient => new DeliveryRequest(parcel.BatchId, parcel.Kind, parcel.TeamId, parcel.Subject, recipient))]
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // One message per batch and up to RecipientsPerMessage distinct members; each channel delivery alone.
    private static IEnumerable<DeliveryParcel> Parcel(IEnumerable<DeliveryRequest> requests) =>
        requests
            .GroupBy(request => (request.BatchId, request.Kind, request.TeamId, request.Subject))
            .SelectMany(batch =>
            {
                var (batchId, kind, teamId, subject) = batch.Key;
                var toChannel = batch.Where(request => request.Recipient is null).Take(1)
                    .Select(_ => new DeliveryParcel(batchId, kind, teamId, subject, null, null));
                var toMembers = batch.Select(request => request.Recipient).OfType<RosterMemberRef>()
                    .DistinctBy(member => member.MemberId, StringComparer.Ordinal)
                    .Chunk(RecipientsPerMessage)
                    .Select(members => new DeliveryParcel(batchId, kind, teamId, subject, null, members));
                return toChannel.Concat(toMembers);
            });

    // The message body: a batch's shared fields once, and its recipients (none: the channel).
    // Recipient is the single-request form queued by earlier versions, still read.
    private sealed record DeliveryParcel(
        string BatchId,
        DeliveryKind Kind,
        string TeamId,
        string Subject,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RosterMemberRef? Recipient,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<RosterMemberRef>? Recipients);
}
