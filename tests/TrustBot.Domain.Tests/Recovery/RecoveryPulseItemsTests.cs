using TrustBot.Domain.Pulse;
using TrustBot.Domain.Recovery;

namespace TrustBot.Domain.Tests.Recovery;

public sealed class RecoveryPulseItemsTests
{
    private static readonly QuestionBank Bank = QuestionBank.BuiltIn;

    [Fact]
    public void An_incident_that_hit_one_factor_asks_two_of_its_items_then_trust_overall()
    {
        RecoveryPulseItems.Select(Bank, ["reliability"]).Should().Equal("reliability.1", "reliability.2", "overall");
    }

    [Fact]
    public void An_incident_that_hit_two_factors_asks_one_item_of_each_then_trust_overall()
    {
        RecoveryPulseItems.Select(Bank, ["safety", "openness"]).Should().Equal("safety.1", "openness.1", "overall");
    }

    [Fact]
    public void A_third_factor_is_left_out_so_the_check_in_stays_at_three_questions()
    {
        var items = RecoveryPulseItems.Select(Bank, ["care", "integrity", "competence"]);

        items.Should().Equal("care.1", "integrity.1", "overall");
    }

    [Fact]
    public void Every_item_asked_measures_a_factor_the_incident_hit_or_trust_overall()
    {
        foreach (var factor in TrustFactors.All)
        {
            RecoveryPulseItems.Select(Bank, [factor.Id]).Select(id => Bank.Find(id)!.FactorId)
                .Should().Equal(factor.Id, factor.Id, QuestionItem.OverallFactorId);
        }
    }

    [Fact]
    public void A_factor_listed_twice_counts_once()
    {
        RecoveryPulseItems.Select(Bank, ["care", "care"]).Should().Equal("care.1", "care.2", "overall");
    }

    [Fact]
    public void A_factor_the_bank_has_no_item_for_gives_its_turn_to_the_others()
    {
        var bank = QuestionBank.Parse("""
            [
              { "id": "care.1", "factor": "care", "text": "We look out for each other.", "reverse": false, "version": 1, "source": "test" },
              { "id": "care.2", "factor": "care", "text": "Someone would notice if I struggled.", "reverse": false, "version": 1, "source": "test" },
              { "id": "openness.1", "factor": "openness", "text": "We share what others need.", "reverse": false, "version": 1, "source": "test" },
              { "id": "overall", "factor": "overall", "text": "Overall, I trust the people on this team.", "reverse": false, "version": 1, "source": "test" }
            ]
            """);

        RecoveryPulseItems.Select(bank, ["integrity", "openness"]).Should().Equal("openness.1", "overall");
        RecoveryPulseItems.Select(bank, ["integrity", "care"]).Should().Equal("care.1", "care.2", "overall");
    }

    [Fact]
    public void Without_a_known_factor_only_trust_overall_is_asked()
    {
        RecoveryPulseItems.Select(Bank, ["morale"]).Should().Equal("overall");
    }
}
