using TrustBot.Domain.Pulse;
using TrustBot.Domain.Summary;

namespace TrustBot.Domain.Tests.Summary;

public sealed class SuggestedActionsTests
{
    [Fact]
    public void Reliability_suggests_a_visible_commitment_reviewed_together() =>
        SuggestedActions.For(TrustFactors.Reliability).Should().Be("Agree one visible commitment per person for the next sprint and review it together at the end.");

    [Fact]
    public void Every_factor_has_its_own_one_sentence_suggestion()
    {
        var suggestions = TrustFactors.All.Select(SuggestedActions.For).ToList();

        suggestions.Should().OnlyHaveUniqueItems().And.OnlyContain(s => s.Length > 20 && s.EndsWith('.') && s.Count(c => c == '.') == 1);
    }

    [Fact]
    public void A_factor_TrustBot_does_not_measure_has_no_suggestion()
    {
        var act = () => SuggestedActions.For(new TrustFactor("humour", "Humour", "People laugh together."));

        act.Should().Throw<ArgumentException>().WithMessage("*humour*");
    }
}
