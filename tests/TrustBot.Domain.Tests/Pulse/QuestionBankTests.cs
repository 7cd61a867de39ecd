using TrustBot.Domain.Pulse;

namespace TrustBot.Domain.Tests.Pulse;

public sealed class QuestionBankTests
{
    private static readonly QuestionBank Bank = QuestionBank.BuiltIn;

    [Fact]
    public void The_overall_item_is_the_same_plain_statement_and_not_among_the_factor_items()
    {
        Bank.Overall.Text.Should().Be("Overall, I trust the people on this team.");
        Bank.Overall.IsOverall.Should().BeTrue();
        Bank.Overall.IsReverseScored.Should().BeFalse();
        Bank.Items.Should().NotContain(i => i.IsOverall);
        Bank.Find(Bank.Overall.Id).Should().BeSameAs(Bank.Overall);
    }

    [Fact]
    public void Every_factor_has_three_or_four_items_except_safety_which_has_edmondsons_seven()
    {
        var perFactor = Bank.Items.GroupBy(i => i.FactorId).ToDictionary(g => g.Key, g => g.Count());

        perFactor.Keys.Should().BeEquivalentTo(TrustFactors.All.Concat(StructuralFactors.All).Select(f => f.Id));
        perFactor.Where(p => p.Key != "safety").Should().AllSatisfy(p => p.Value.Should().BeInRange(3, 4));
        perFactor["safety"].Should().Be(7);
    }

    [Fact]
    public void The_safety_items_are_edmondsons_with_items_1_3_and_5_reverse_scored()
    {
        var safety = Bank.Items.Where(i => i.FactorId == "safety").ToList();

        safety.Select(i => i.Id).Should().Equal("safety.1", "safety.2", "safety.3", "safety.4", "safety.5", "safety.6", "safety.7");
        safety.Where(i => i.IsReverseScored).Select(i => i.Text).Should().Equal(
            "If you make a mistake on this team, it is often held against you.",
            "People on this team sometimes reject others for being different.",
            "It is difficult to ask other members of this team for help.");
        safety.Where(i => i.IsReverseScored).Select(i => i.Id).Should().Equal("safety.1", "safety.3", "safety.5");
        safety.Should().AllSatisfy(i => i.Source.Should().Contain("Edmondson (1999), Administrative Science Quarterly 44(2)"));
    }

    [Fact]
    public void At_least_one_item_outside_psychological_safety_is_reverse_scored() =>
        Bank.Items.Should().Contain(i => i.IsReverseScored && i.FactorId != "safety");

    [Fact]
    public void Items_cite_their_model_and_never_lencioni()
    {
        Bank.Items.Where(i => i.FactorId is "competence" or "care" or "integrity")
            .Should().AllSatisfy(i => i.Source.Should().Contain("Mayer, Davis & Schoorman (1995)"));
        Bank.Items.Where(i => i.FactorId is "reliability" or "openness")
            .Should().AllSatisfy(i => i.Source.Should().Contain("Maister, Green & Galford (2000)"));
        Bank.Items.Where(i => i.FactorId is "assessment")
            .Should().AllSatisfy(i => i.Source.Should().Contain("Colquitt (2001), Journal of Applied Psychology 86(3)").And.Contain("justice"));
        Bank.Items.Where(i => i.FactorId is "leadership")
            .Should().AllSatisfy(i => i.Source.Should().ContainAny("Colquitt (2001)", "Nembhard & Edmondson (2006)"));
        Bank.Items.Should().AllSatisfy(i => i.Source.Should().NotContainEquivalentOf("Lencioni"));
    }

    [Fact]
    public void Item_ids_are_short_and_name_their_factor()
    {
        Bank.Items.Should().AllSatisfy(i => i.Id.Should().MatchRegex($"^{i.FactorId}\\.[1-9]$"));
        Bank.Items.Select(i => i.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Every_statement_is_one_short_sentence_at_version_1()
    {
        Bank.Items.Append(Bank.Overall).Append(Bank.Charter!).Should().AllSatisfy(i =>
        {
            i.Text.Should().EndWith(".").And.NotContain(". ");
            i.Text.Length.Should().BeLessThanOrEqualTo(90);
            i.Version.Should().Be(1);
        });
    }

    [Fact]
    public void The_charter_item_asks_whether_the_team_lives_by_its_charter_and_is_not_in_the_rotation()
    {
        Bank.Charter!.Text.Should().Be("People on this team act by the trust charter we agreed on.");
        Bank.Charter.IsCharter.Should().BeTrue();
        Bank.Charter.IsReverseScored.Should().BeFalse();
        Bank.Items.Should().NotContain(i => i.IsCharter);
        Bank.Find(Bank.Charter.Id).Should().BeSameAs(Bank.Charter);
    }

    [Fact]
    public void The_structural_items_ask_about_leadership_style_and_fair_assessment()
    {
        Bank.Items.Where(i => i.FactorId == "leadership").Select(i => i.Id).Should().Equal("leadership.1", "leadership.2", "leadership.3");
        Bank.Items.Where(i => i.FactorId == "assessment").Select(i => i.Id).Should().Equal("assessment.1", "assessment.2", "assessment.3", "assessment.4");
        Bank.Items.Where(i => i.FactorId == "leadership").Should().AllSatisfy(i => i.Text.Should().StartWith("The people who lead this team"));
    }

    [Fact]
    public void Find_returns_an_item_by_id_or_null()
    {
        Bank.Find("safety.5")!.IsReverseScored.Should().BeTrue();
        Bank.Find("safety.99").Should().BeNull();
    }

    [Fact]
    public void Parse_reads_items_in_file_order_and_keeps_the_overall_item_apart()
    {
        var bank = QuestionBank.Parse("""
            [
              {"id": "care.1", "factor": "care", "text": "We help.", "reverse": false, "version": 2, "source": "s"},
              {"id": "overall", "factor": "overall", "text": "Overall, I trust the people on this team.", "reverse": false, "version": 1, "source": "s"},
              {"id": "care.2", "factor": "care", "text": "We ignore each other.", "reverse": true, "version": 1, "source": "s"}
            ]
            """);

        bank.Items.Should().Equal(
            new QuestionItem("care.1", "care", "We help.", false, 2, "s"),
            new QuestionItem("care.2", "care", "We ignore each other.", true, 1, "s"));
        bank.Overall.Id.Should().Be("overall");
    }

    [Theory]
    [InlineData("""{"id": "x.1", "factor": "honesty", "text": "T.", "reverse": false, "version": 1, "source": "s"}""", "*unknown factor \"honesty\"*")]
    [InlineData("""{"id": "care.1", "factor": "care", "text": "Again.", "reverse": false, "version": 1, "source": "s"}""", "*more than one item with id \"care.1\"*")]
    [InlineData("""{"id": "care.2", "factor": "care", "text": "  ", "reverse": false, "version": 1, "source": "s"}""", "*Item 3 (\"care.2\") has an empty \"text\"*")]
    [InlineData("""{"id": "care.2", "factor": "care", "reverse": false, "version": 1, "source": "s"}""", "*has no \"text\"*")]
    [InlineData("""{"id": "care.2", "factor": "care", "text": "T.", "reverse": "yes", "version": 1, "source": "s"}""", "*\"reverse\" of the wrong kind*")]
    [InlineData("""{"id": "care.2", "factor": "care", "text": "T.", "reverse": false, "version": 0, "source": "s"}""", "*\"version\" of 1 or more*")]
    [InlineData("""{"id": "Care 2", "factor": "care", "text": "T.", "reverse": false, "version": 1, "source": "s"}""", "*has id \"Care 2\"*lower-case*")]
    [InlineData("""{"id": "overall.2", "factor": "overall", "text": "T.", "reverse": false, "version": 1, "source": "s"}""", "*exactly one item with factor \"overall\"; it has 2*")]
    [InlineData("""{"id": "x.1", "factor": "Leadership", "text": "T.", "reverse": false, "version": 1, "source": "s"}""", "*unknown factor \"Leadership\"; known factors are reliability, competence, openness, care, integrity, safety, leadership, assessment, charter, overall*")]
    public void Parse_refuses_a_bad_item_with_a_message_that_says_which_and_why(string badItem, string message)
    {
        var json = $$"""
            [
              {"id": "care.1", "factor": "care", "text": "We help.", "reverse": false, "version": 1, "source": "s"},
              {"id": "overall", "factor": "overall", "text": "Overall, I trust the people on this team.", "reverse": false, "version": 1, "source": "s"},
              {{badItem}}
            ]
            """;

        FluentActions.Invoking(() => QuestionBank.Parse(json)).Should().Throw<FormatException>().WithMessage(message);
    }

    [Fact]
    public void Parse_refuses_a_bank_with_two_charter_items_and_takes_a_bank_without_one()
    {
        const string Items = """
            {"id": "care.1", "factor": "care", "text": "We help.", "reverse": false, "version": 1, "source": "s"},
            {"id": "overall", "factor": "overall", "text": "Overall, I trust the people on this team.", "reverse": false, "version": 1, "source": "s"}
            """;
        const string Charter = """{"id": "charter.1", "factor": "charter", "text": "We act by it.", "reverse": false, "version": 1, "source": "s"}""";

        FluentActions.Invoking(() => QuestionBank.Parse($"[{Items}, {Charter}, {Charter.Replace("charter.1", "charter.2", StringComparison.Ordinal)}]"))
            .Should().Throw<FormatException>().WithMessage("*at most one item with factor \"charter\"; it has 2*");
        QuestionBank.Parse($"[{Items}]").Charter.Should().BeNull();
    }

    [Fact]
    public void A_team_question_cannot_take_the_place_of_the_charter_item()
    {
        var question = Questions.TeamQuestions.Active(1);
        var asCharter = question with { Item = question.Item with { FactorId = "charter" } };

        FluentActions.Invoking(() => Bank.WithTeamItems([asCharter])).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Parse_refuses_a_bank_without_the_overall_item() =>
        FluentActions.Invoking(() => QuestionBank.Parse("""[{"id": "care.1", "factor": "care", "text": "We help.", "reverse": false, "version": 1, "source": "s"}]"""))
            .Should().Throw<FormatException>().WithMessage("*exactly one item with factor \"overall\"; it has 0*");

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"items": []}""")]
    [InlineData("[42]")]
    public void Parse_refuses_a_file_that_is_not_an_array_of_items(string json) =>
        FluentActions.Invoking(() => QuestionBank.Parse(json)).Should().Throw<FormatException>().WithMessage("*question file*");
}
