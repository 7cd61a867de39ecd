using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using TrustBot.Domain.Scheduling;

namespace TrustBot.Storage.Delivery;

/// <summary>
/// The Azure Storage queue of <see cref="DeliveryRequest"/>s: one message per recipient, so every
/// instance's workers share the fan-out and a crash loses nothing (an unfinished message comes
/// back when its visibility timeout ends).
/// </summary>
public sealed class PendingDeliveries
{
    /// <summary>The queue's name without the prefix (registered by <c>AddTrustBotDeliveryStorage</c>).</summary>
    public const string QueueName = "deliveries";

    /// <summary>The most messages one receive call returns (the service's limit).</summary>
    public const int MaxReceive = 32;

    // Enough parallel sends to keep a fan-out of thousands well ahead of Teams' rate limit.
    private const int EnqueueParallelism = 16;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly QueueClient _queue;
    private readonly StorageResilience _resilience;

    /// <summary>Uses the account's <see cref="QueueName"/> queue.</summary>
    public PendingDeliveries(StorageAccount account, StorageResilience resilience)
    {
        ArgumentNullException.ThrowIfNull(account);
        _queue = account.Queue(QueueName);
        _resilience = resilience;
    }

    /// <summary>Adds one message per request (in parallel); throws only when storage stays unavailable.</summary>
    public Task EnqueueAsync(IReadOnlyCollection<DeliveryRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return Parallel.ForEachAsync(
            requests,
            new ParallelOptions { MaxDegreeOfParallelism = EnqueueParallelism, CancellationToken = cancellationToken },
            async (request, token) => await _resilience.ExecuteAsync(
                t => _queue.SendMessageAsync(JsonSerializer.Serialize(request, Json), cancellationToken: t), token).ConfigureAwait(false));
    }

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

    /// <summary>The request a message carries, or null when it is not one (it goes to the failures table).</summary>
    public static DeliveryRequest? Read(QueueMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            var request = JsonSerializer.Deserialize<DeliveryRequest>(message.Body.ToString(), Json);
            return request is { BatchId.Length: > 0, TeamId.Length: > 0, Subject: not null }
                && Enum.IsDefined(request.Kind)
                && (request.Recipient is null || request.Recipient is { MemberId.Length: > 0, UserId.Length: > 0 })
                ? request
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
