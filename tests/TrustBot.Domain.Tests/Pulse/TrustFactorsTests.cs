using TrustBot.Domain.Pulse;

namespace TrustBot.Domain.Tests.Pulse;

public sealed class TrustFactorsTests
{
    [Fact]
    public void There_are_six_factors_in_a_fixed_order_with_stable_ids()
    {
        TrustFactors.All.Select(f => f.Id).Should().Equal("reliability", "competence", "openness", "care", "integrity", "safety");
        TrustFactors.All.Should().Equal(
            TrustFactors.Reliability, TrustFactors.Competence, TrustFactors.Openness,
            TrustFactors.Care, TrustFactors.Integrity, TrustFactors.PsychologicalSafety);
    }

    [Fact]
    public void Every_factor_has_a_name_and_a_one_sentence_description()
    {
        TrustFactors.All.Should().AllSatisfy(f =>
        {
            f.Name.Should().NotBeNullOrWhiteSpace();
            f.Description.Should().EndWith(".").And.NotContain(". ");
            f.Description.Length.Should().BeLessThan(100);
        });
    }

    [Fact]
    public void Find_returns_the_factor_with_the_exact_id_or_null()
    {
        TrustFactors.Find("safety").Should().BeSameAs(TrustFactors.PsychologicalSafety);
        TrustFactors.Find("Safety").Should().BeNull();
        TrustFactors.Find("overall").Should().BeNull();
    }
}
