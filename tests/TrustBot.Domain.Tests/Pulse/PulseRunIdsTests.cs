using TrustBot.Domain.Pulse;

namespace TrustBot.Domain.Tests.Pulse;

public sealed class PulseRunIdsTests
{
    private static readonly Guid Entropy = new("0123abcd-4567-89ef-0123-456789abcdef");

    [Fact]
    public void A_run_id_is_inverted_ticks_then_the_first_eight_hex_digits_of_the_guid()
    {
        var id = PulseRunIds.New(TestRuns.Monday, Entropy);

        id.Should().HaveLength(PulseRunIds.Length).And.EndWith("-0123abcd");
        long.Parse(id[..19], System.Globalization.CultureInfo.InvariantCulture)
            .Should().Be(DateTimeOffset.MaxValue.UtcTicks - TestRuns.Monday.UtcTicks);
    }

    [Fact]
    public void Newer_runs_sort_first_as_ordinal_strings()
    {
        var ids = Enumerable.Range(0, 30)
            .Select(day => PulseRunIds.New(TestRuns.Monday.AddDays(day * 7), Guid.Empty))
            .ToList();

        ids.Should().BeInDescendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public void The_offset_of_the_open_time_does_not_change_the_order()
    {
        var utc = PulseRunIds.New(TestRuns.Monday, Entropy);
        var sameInstantInParis = PulseRunIds.New(TestRuns.Monday.ToOffset(TimeSpan.FromHours(1)), Entropy);

        sameInstantInParis.Should().Be(utc);
    }

    [Fact]
    public void New_ids_are_well_formed() =>
        PulseRunIds.IsWellFormed(PulseRunIds.New(TestRuns.Monday, Entropy)).Should().BeTrue();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2520000000000000000-0123abcd ")]
    [InlineData("252000000000000000-0123abcd")]
    [InlineData("2520000000000000000_0123abcd")]
    [InlineData("2520000000000000000-0123ABCD")]
    [InlineData("2520000000000000000-0123abcg")]
    [InlineData("252000000000000000x-0123abcd")]
    [InlineData("25200000000000000\u0661\u0662-0123abcd")]
    [InlineData("2520000000000000000-0123abc'")]
    [InlineData("' or PartitionKey ne '")]
    public void Tampered_ids_are_not_well_formed(string? runId) =>
        PulseRunIds.IsWellFormed(runId).Should().BeFalse();
}
