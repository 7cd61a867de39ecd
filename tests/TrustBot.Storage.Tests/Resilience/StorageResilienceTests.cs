using Azure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace TrustBot.Storage.Tests.Resilience;

public sealed class StorageResilienceTests
{
    private static readonly StorageResilienceOptions NoDelays = new() { BaseDelay = TimeSpan.Zero, MaxRetryAttempts = 4 };

    [Theory]
    [InlineData(0)]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Transient_statuses_are_retried_until_the_call_succeeds(int status)
    {
        var call = new FailingCall(attempt => attempt <= 2 ? new RequestFailedException(status, "transient") : null);

        var result = await Pipeline(NoDelays).ExecuteAsync(call.RunAsync, CancellationToken.None);

        result.Should().Be("done");
        call.Attempts.Should().Be(3);
    }

    [Fact]
    public async Task Network_errors_and_timeouts_the_caller_did_not_ask_for_are_retried()
    {
        Exception[] failures = [new HttpRequestException("connection refused"), new TaskCanceledException("network timeout")];
        var call = new FailingCall(attempt => attempt <= failures.Length ? failures[attempt - 1] : null);

        await Pipeline(NoDelays).ExecuteAsync(call.RunAsync, CancellationToken.None);

        call.Attempts.Should().Be(3);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(412)]
    public async Task Other_client_errors_are_answers_and_are_not_retried(int status)
    {
        var call = new FailingCall(_ => new RequestFailedException(status, "answer"));

        await FluentActions.Awaiting(() => Pipeline(NoDelays).ExecuteAsync(call.RunAsync, CancellationToken.None))
            .Should().ThrowAsync<RequestFailedException>().Where(ex => ex.Status == status);
        call.Attempts.Should().Be(1);
    }

    [Fact]
    public async Task A_cancellation_the_caller_asked_for_is_not_retried_and_stays_a_cancellation()
    {
        using var caller = new CancellationTokenSource();
        var call = new FailingCall(_ =>
        {
            caller.Cancel();
            return new OperationCanceledException(caller.Token);
        });

        await FluentActions.Awaiting(() => Pipeline(NoDelays).ExecuteAsync(call.RunAsync, caller.Token))
            .Should().ThrowAsync<OperationCanceledException>();
        call.Attempts.Should().Be(1);
    }

    [Fact]
    public async Task A_failure_that_outlasts_the_retries_becomes_StorageUnavailable()
    {
        var call = new FailingCall(_ => new RequestFailedException(503, "server busy"));

        var thrown = await FluentActions.Awaiting(() => Pipeline(NoDelays).ExecuteAsync(call.RunAsync, CancellationToken.None))
            .Should().ThrowAsync<StorageUnavailableException>().WithMessage("Storage is unavailable: still failing after 4 retries*server busy*");
        thrown.Which.InnerException.Should().BeOfType<RequestFailedException>();
        call.Attempts.Should().Be(5);
    }

    [Fact]
    public async Task The_total_timeout_bounds_a_call_that_never_answers()
    {
        var clock = new FakeTimeProvider();
        var pipeline = Pipeline(new StorageResilienceOptions { TotalTimeout = TimeSpan.FromSeconds(10) }, clock);

        var call = pipeline.ExecuteAsync(
            async token =>
            {
                await Task.Delay(Timeout.Infinite, token);
                return "never";
            },
            CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(9));
        call.IsCompleted.Should().BeFalse();
        clock.Advance(TimeSpan.FromSeconds(1));

        await FluentActions.Awaiting(() => call).Should().ThrowAsync<StorageUnavailableException>().WithMessage("Storage is unavailable: no answer within 10 s*");
    }

    [Fact]
    public async Task Retries_wait_on_the_pipeline_clock_and_the_total_timeout_ends_them()
    {
        var clock = new FakeTimeProvider();
        var options = new StorageResilienceOptions
        {
            TotalTimeout = TimeSpan.FromSeconds(10), BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(2), MaxRetryAttempts = 100,
        };
        var attempts = new SemaphoreSlim(0);
        var call = Pipeline(options, clock).ExecuteAsync<string>(
            _ =>
            {
                attempts.Release();
                throw new RequestFailedException(503, "busy");
            },
            CancellationToken.None);

        (await attempts.WaitAsync(TimeSpan.FromSeconds(5))).Should().BeTrue();
        attempts.CurrentCount.Should().Be(0, "no second attempt happens before the backoff delay passes");
        clock.Advance(options.MaxDelay);
        (await attempts.WaitAsync(TimeSpan.FromSeconds(5))).Should().BeTrue("the second attempt follows the delay");

        clock.Advance(options.TotalTimeout);
        await FluentActions.Awaiting(() => call).Should().ThrowAsync<StorageUnavailableException>();
    }

    private static StorageResilience Pipeline(StorageResilienceOptions options, TimeProvider? clock = null) =>
        new(options, clock ?? TimeProvider.System, NullLogger<StorageResilience>.Instance);

    /// <summary>A storage call that fails with what <paramref name="failureOnAttempt"/> says (1-based), and answers when it says null.</summary>
    private sealed class FailingCall(Func<int, Exception?> failureOnAttempt)
    {
        public int Attempts { get; private set; }

        public Task<string> RunAsync(CancellationToken cancellationToken)
        {
            Attempts++;
            return failureOnAttempt(Attempts) is { } failure ? throw failure : Task.FromResult("done");
        }
    }
}
