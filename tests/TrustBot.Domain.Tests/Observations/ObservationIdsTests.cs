using TrustBot.Domain.Observations;

namespace TrustBot.Domain.Tests.Observations;

public sealed class ObservationIdsTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Later_observations_get_ids_that_sort_first()
    {
        var earlier = ObservationIds.New(Monday, Guid.NewGuid());
        var later = ObservationIds.New(Monday.AddSeconds(1), Guid.NewGuid());

        string.CompareOrdinal(later, earlier).Should().BeNegative();
    }

    [Fact]
    public void Two_observations_logged_at_the_same_instant_get_different_ids() =>
        ObservationIds.New(Monday, Guid.NewGuid()).Should().NotBe(ObservationIds.New(Monday, Guid.NewGuid()));

    [Fact]
    public void New_ids_are_well_formed_and_other_text_is_not()
    {
        ObservationIds.IsWellFormed(ObservationIds.New(Monday, Guid.NewGuid())).Should().BeTrue();
        ObservationIds.IsWellFormed(null).Should().BeFalse();
        ObservationIds.IsWellFormed("19:abc@thread.tacv2").Should().BeFalse();
        ObservationIds.IsWellFormed(ObservationIds.New(Monday, Guid.NewGuid()) + "x").Should().BeFalse();
    }
}
