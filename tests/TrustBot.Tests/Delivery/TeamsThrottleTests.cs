using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Rest;
using TrustBot.Delivery;

namespace TrustBot.Tests.Delivery;

/// <summary>
/// Teams' limits as the throttle keeps them: 50 requests a second per tenant over every one-second
/// window, no rate lost when the process wakes late, and a 429's Retry-After waited out. Time is a
/// <see cref="FakeTimeProvider"/> moved by hand, so every figure is exact.
/// </summary>
public sealed class TeamsThrottleTests
{
    private const int Limit = 50;
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void No_one_second_window_holds_more_than_the_limit_and_the_limit_is_reached()
    {
        var clock = new FakeTimeProvider();
        using var gate = new SlidingWindowGate(Limit, Second, clock);
        var grants = new List<TimeSpan>();
        var start = clock.GetTimestamp();
        var waiting = new List<Task>();

        // A caller arrives at every step for 5 s and the clock moves in uneven steps, as a busy machine's would;
        // a grant is noted at the step it completed in (the gate completes a caller's task when it grants it).
        var steps = new[] { 3, 1, 7, 3, 11, 2 };
        for (var i = 0; clock.GetElapsedTime(start) < TimeSpan.FromSeconds(5); i++)
        {
            waiting.Add(gate.WaitAsync(CancellationToken.None).AsTask());
            NoteGrants();
            clock.Advance(TimeSpan.FromMilliseconds(steps[i % steps.Length]));
            NoteGrants();
        }

        void NoteGrants()
        {
            foreach (var granted in waiting.Where(task => task.IsCompletedSuccessfully).ToList())
            {
                grants.Add(clock.GetElapsedTime(start));
                waiting.Remove(granted);
            }
        }

        // Every grant and the 50th after it are more than a second apart: no closed one-second window holds 51.
        grants.Zip(grants.Skip(Limit), (first, fiftyFirst) => fiftyFirst - first).Should().OnlyContain(gap => gap > Second);
        // ...and nothing is lost to the steps: the first five seconds carry five seconds' worth.
        grants.Should().HaveCount(5 * Limit);
    }

    [Fact]
    public void After_an_idle_gap_the_burst_is_one_window_s_worth_and_the_rest_follow_a_second_later()
    {
        var clock = new FakeTimeProvider();
        using var gate = new SlidingWindowGate(Limit, Second, clock);
        clock.Advance(TimeSpan.FromMinutes(10));

        var asked = Enumerable.Range(0, 2 * Limit).Select(_ => gate.WaitAsync(CancellationToken.None).AsTask()).ToList();

        asked.Count(task => task.IsCompleted).Should().Be(Limit, "ten idle minutes save up no more than one window's allowance");
        clock.Advance(Second);
        asked.Count(task => task.IsCompleted).Should().Be(Limit, "a grant exactly one second after another would share a closed window with it");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        asked.Should().OnlyContain(task => task.IsCompletedSuccessfully);
    }

    [Fact]
    public void A_gate_woken_late_grants_everything_that_fell_due_at_once_so_only_the_lateness_is_lost()
    {
        var clock = new FakeTimeProvider();
        using var gate = new SlidingWindowGate(Limit, Second, clock);
        var asked = Enumerable.Range(0, 3 * Limit).Select(_ => gate.WaitAsync(CancellationToken.None).AsTask()).ToList();

        // The timer was due just after 1 s and fires at 1.3 s: a refill timer would add one tick's tokens; this grants the window's worth.
        clock.Advance(TimeSpan.FromMilliseconds(1300));
        asked.Count(task => task.IsCompleted).Should().Be(2 * Limit);

        clock.Advance(TimeSpan.FromMilliseconds(1001));
        asked.Should().OnlyContain(task => task.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_caller_who_gives_up_leaves_the_line_and_its_place_goes_to_the_next()
    {
        var clock = new FakeTimeProvider();
        using var gate = new SlidingWindowGate(1, Second, clock);
        await gate.WaitAsync(CancellationToken.None);
        using var impatient = new CancellationTokenSource();
        var givenUp = gate.WaitAsync(impatient.Token).AsTask();
        var next = gate.WaitAsync(CancellationToken.None).AsTask();

        await impatient.CancelAsync();
        clock.Advance(Second + TimeSpan.FromMilliseconds(1));

        await givenUp.Invoking(task => task).Should().ThrowAsync<OperationCanceledException>();
        next.IsCompletedSuccessfully.Should().BeTrue();
    }

    [Fact]
    public async Task A_429_pauses_the_call_for_its_Retry_After_and_then_it_goes()
    {
        var clock = new FakeTimeProvider();
        using var throttle = new TeamsThrottle(Options.Create(new DeliveryOptions()), clock);
        var calls = 0;

        var sending = throttle.RunAsync("tenant", "29:alex", () =>
        {
            calls++;
            return calls == 1 ? Task.FromException(TooManyRequests(retryAfterSeconds: 3)) : Task.CompletedTask;
        }, CancellationToken.None);

        calls.Should().Be(1);
        clock.Advance(TimeSpan.FromMilliseconds(2999));
        calls.Should().Be(1, "Teams said to wait three seconds");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await sending;
        calls.Should().Be(2);
    }

    [Fact]
    public async Task Every_call_into_a_tenant_counts_against_its_limit_whichever_conversation_it_posts_to()
    {
        var clock = new FakeTimeProvider();
        using var throttle = new TeamsThrottle(Options.Create(new DeliveryOptions { MessagesPerSecondPerTenant = Limit }), clock);
        var made = 0;

        var sends = Enumerable.Range(0, Limit + 10)
            .Select(member => throttle.RunAsync("tenant", $"29:member-{member}", () => { Interlocked.Increment(ref made); return Task.CompletedTask; }, CancellationToken.None))
            .ToList();
        var otherTenant = throttle.RunAsync("other-tenant", "29:member-0", () => Task.CompletedTask, CancellationToken.None);

        made.Should().Be(Limit);
        otherTenant.IsCompletedSuccessfully.Should().BeTrue("each tenant has a limit of its own");
        clock.Advance(Second + TimeSpan.FromMilliseconds(1));
        await Task.WhenAll(sends);
        made.Should().Be(Limit + 10);
    }

    private static HttpOperationException TooManyRequests(int retryAfterSeconds)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("Retry-After", retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new HttpOperationException("429") { Response = new HttpResponseMessageWrapper(response, string.Empty) };
    }
}
