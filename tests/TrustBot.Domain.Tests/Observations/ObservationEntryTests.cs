using TrustBot.Domain.Observations;

namespace TrustBot.Domain.Tests.Observations;

public sealed class ObservationEntryTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_entry_becomes_an_observation_logged_now_by_the_lead()
    {
        var entry = new ObservationEntry(ObservationKind.Interview, "Ana felt unheard in planning.", ["openness"], ObservationEffect.Hurts, new DateOnly(2026, 11, 20));

        var observation = entry.ToObservation("19:team@thread.tacv2", "aad-lead", Monday, Guid.NewGuid());

        observation.Should().BeEquivalentTo(new
        {
            TeamId = "19:team@thread.tacv2",
            entry.Kind,
            entry.Text,
            entry.FactorIds,
            entry.Effect,
            entry.ObservedOn,
            LoggedAt = Monday,
            LoggedBy = "aad-lead",
        });
        ObservationIds.IsWellFormed(observation.Id).Should().BeTrue();
    }
}
