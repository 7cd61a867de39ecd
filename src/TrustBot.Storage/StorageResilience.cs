using System.Globalization;
using Azure;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace TrustBot.Storage;

/// <summary>
/// The one retry layer for storage calls: a Polly pipeline that retries transient failures with
/// exponential backoff and jitter, inside a total timeout.
/// </summary>
/// <remarks>
/// The Azure SDK's own retries are switched off in <see cref="StorageAccount"/>: two retry layers
/// multiply (6 × 6 attempts), ignore each other's time budget and retry different things. Here
/// alone is decided what is transient (timeouts not asked for by the caller, network errors,
/// 408, 429, 500, 502, 503, 504) and what is an answer (every other 4xx: 400, 404, 409, 412 are
/// never retried, they go back to the caller). When the budget is spent the call fails with
/// <see cref="StorageUnavailableException"/>.
/// </remarks>
public sealed partial class StorageResilience
{
    private static readonly HashSet<int> TransientStatuses = [0, 408, 429, 500, 502, 503, 504];

    private readonly ResiliencePipeline _pipeline;
    private readonly StorageResilienceOptions _options;
    private readonly ILogger<StorageResilience> _logger;

    /// <summary>Builds the pipeline; <paramref name="timeProvider"/> drives its delays and timeout.</summary>
    public StorageResilience(StorageResilienceOptions options, TimeProvider timeProvider, ILogger<StorageResilience> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.TotalTimeout })
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } exception && IsTransient(exception, args.Context.CancellationToken)),
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    LogRetry(args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception!);
                    return default;
                },
            })
            .Build();
    }

    /// <summary>
    /// Runs one storage call through the pipeline. Transient failures that outlast the budget
    /// become <see cref="StorageUnavailableException"/>; other failures and the caller's
    /// cancellation pass through unchanged.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (op, token) => await op(token).ConfigureAwait(false), operation, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            throw Unavailable($"no answer within {Seconds(_options.TotalTimeout)} s", ex);
        }
        catch (Exception ex) when (IsTransient(ex, cancellationToken))
        {
            throw Unavailable($"still failing after {_options.MaxRetryAttempts} retries", ex);
        }
    }

    /// <summary>Whether a failure is worth retrying; a cancellation the caller asked for never is.</summary>
    internal static bool IsTransient(Exception exception, CancellationToken callerToken) => exception switch
    {
        RequestFailedException failed => TransientStatuses.Contains(failed.Status),
        HttpRequestException => true,
        OperationCanceledException => !callerToken.IsCancellationRequested,
        _ => false,
    };

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private StorageUnavailableException Unavailable(string why, Exception last)
    {
        LogUnavailable(why, last);
        return new StorageUnavailableException($"Storage is unavailable: {why}. Last error: {last.Message}", last);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage call failed transiently; retry {Attempt} in {Delay}.")]
    private partial void LogRetry(int attempt, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage is unavailable: {Why}.")]
    private partial void LogUnavailable(string why, Exception exception);
}
