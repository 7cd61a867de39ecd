using Microsoft.Extensions.Time.Testing;
using TrustBot.Storage.Tests.Support;
using TrustBot.Testing;

namespace TrustBot.Storage.Tests.Leases;

[Collection(AzuriteCollection.Name)]
public sealed class StorageLeaseTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);
    private readonly FakeTimeProvider _clock = new();
    private TestStorage _storage = null!;

    public async Task InitializeAsync() => _storage = await TestStorage.StartAsync(azurite, _ => { });

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    [Fact]
    public async Task Of_two_contenders_racing_for_a_free_lease_exactly_one_wins()
    {
        for (var round = 0; round < 10; round++)
        {
            var (a, b) = (Lease($"planner{round}", "instance-a"), Lease($"planner{round}", "instance-b"));

            var won = await Task.WhenAll(Task.Run(() => a.TryAcquireAsync()), Task.Run(() => b.TryAcquireAsync()));

            won.Count(w => w).Should().Be(1, $"round {round}");
        }
    }

    [Fact]
    public async Task Of_two_contenders_racing_for_an_expired_lease_exactly_one_wins()
    {
        (await Lease("planner", "instance-dead").TryAcquireAsync()).Should().BeTrue();
        _clock.Advance(Duration + TimeSpan.FromSeconds(1));
        var (a, b) = (Lease("planner", "instance-a"), Lease("planner", "instance-b"));

        var won = await Task.WhenAll(Task.Run(() => a.TryAcquireAsync()), Task.Run(() => b.TryAcquireAsync()));

        won.Count(w => w).Should().Be(1);
    }

    [Fact]
    public async Task The_holder_keeps_the_lease_by_renewing_and_the_other_cannot_take_it()
    {
        var (holder, other) = (Lease("planner", "instance-a"), Lease("planner", "instance-b"));
        (await holder.TryAcquireAsync()).Should().BeTrue();

        for (var i = 0; i < 3; i++)
        {
            _clock.Advance(Duration / 2);
            (await holder.RenewAsync()).Should().BeTrue();
            (await other.TryAcquireAsync()).Should().BeFalse();
        }
    }

    [Fact]
    public async Task A_dead_holders_lease_expires_the_other_takes_over_and_the_late_renew_fails()
    {
        var (dead, other) = (Lease("planner", "instance-a"), Lease("planner", "instance-b"));
        (await dead.TryAcquireAsync()).Should().BeTrue();

        _clock.Advance(Duration - TimeSpan.FromSeconds(1));
        (await other.TryAcquireAsync()).Should().BeFalse("the lease has not expired yet");
        _clock.Advance(TimeSpan.FromSeconds(2));
        (await other.TryAcquireAsync()).Should().BeTrue("the holder stopped renewing and the lease expired");

        (await dead.RenewAsync()).Should().BeFalse("another instance holds the lease now");
        (await dead.TryAcquireAsync()).Should().BeFalse();
        (await other.RenewAsync()).Should().BeTrue();
    }

    [Fact]
    public async Task Releasing_lets_the_other_take_over_at_once()
    {
        var (holder, other) = (Lease("planner", "instance-a"), Lease("planner", "instance-b"));
        await holder.TryAcquireAsync();

        await holder.ReleaseAsync();

        (await other.TryAcquireAsync()).Should().BeTrue();
        (await holder.RenewAsync()).Should().BeFalse();
    }

    [Fact]
    public async Task A_contender_that_never_held_the_lease_cannot_renew_it()
    {
        (await Lease("planner", "instance-a").RenewAsync()).Should().BeFalse();
    }

    private StorageLease Lease(string name, string holder) =>
        new(_storage.Table(StorageLease.TableName), name, holder, Duration, _clock);
}
