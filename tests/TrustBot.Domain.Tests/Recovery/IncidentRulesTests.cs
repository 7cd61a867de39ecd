using TrustBot.Domain.Recovery;

namespace TrustBot.Domain.Tests.Recovery;

public sealed class IncidentRulesTests
{
    private const string TeamId = "19:contoso@thread.tacv2";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static IncidentDraft Valid() => new(
        "Release slipped without warning",
        "We promised the release to the support team for Friday and told nobody when it slipped.",
        IncidentSeverity.Major,
        Now.AddHours(-3),
        ["reliability", "openness"],
        IncidentVisibility.Team);

    private static IReadOnlyList<string> ProblemsWith(IncidentDraft draft) => IncidentRules.Problems(draft, Now);

    private static Incident Declared(IncidentSource source) =>
        IncidentRules.Declare(Valid(), TeamId, source, source == IncidentSource.Webhook ? null : "aad-megan", "Megan Bowen", Now, Guid.NewGuid());

    [Fact]
    public void A_complete_draft_from_a_year_ago_up_to_five_minutes_ahead_has_no_problems()
    {
        ProblemsWith(Valid()).Should().BeEmpty();
        ProblemsWith(Valid() with { OccurredAt = Now - IncidentRules.OldestDeclarable }).Should().BeEmpty();
        ProblemsWith(Valid() with { OccurredAt = Now.AddMinutes(5), Title = new string('x', 120), WhatHappened = new string('y', 2000) }).Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_title_is_asked_for(string title) =>
        ProblemsWith(Valid() with { Title = title }).Should().Equal("Please give the incident a short title.");

    [Fact]
    public void A_title_over_120_characters_is_told_its_length() =>
        ProblemsWith(Valid() with { Title = new string('x', 121) }).Should().Equal("The title is 121 characters long; please keep it to 120 or fewer.");

    [Theory]
    [InlineData("")]
    [InlineData("It broke.")]
    public void What_happened_needs_a_sentence(string whatHappened) =>
        ProblemsWith(Valid() with { WhatHappened = whatHappened }).Should().ContainSingle().Which.Should().StartWith("Please say what happened");

    [Fact]
    public void What_happened_over_2000_characters_is_told_its_length() =>
        ProblemsWith(Valid() with { WhatHappened = new string('y', 2001) }).Should().Equal("What happened is 2001 characters long; please keep it to 2000 or fewer.");

    [Fact]
    public void No_factor_or_a_factor_that_is_not_a_trust_factor_is_refused()
    {
        ProblemsWith(Valid() with { FactorIds = [] }).Should().Equal("Please pick at least one trust factor it hit.");
        ProblemsWith(Valid() with { FactorIds = ["reliability", "gossip"] }).Should().Equal("Please pick the trust factors it hit from the list.");
    }

    [Fact]
    public void A_time_more_than_five_minutes_ahead_or_over_a_year_ago_is_refused()
    {
        ProblemsWith(Valid() with { OccurredAt = Now.AddMinutes(6) }).Should().ContainSingle().Which.Should().Contain("in the future");
        ProblemsWith(Valid() with { OccurredAt = Now.AddDays(-366) }).Should().ContainSingle().Which.Should().Contain("more than a year ago");
    }

    [Fact]
    public void Values_outside_the_lists_are_refused()
    {
        ProblemsWith(Valid() with { Severity = (IncidentSeverity)7 }).Should().Equal("The severity must be one of Minor, Major or Critical.");
        ProblemsWith(Valid() with { Visibility = (IncidentVisibility)(-1) }).Should().Equal("The visibility must be the whole team or leads only.");
        ProblemsWith(Valid() with { ExternalId = new string('z', 201) }).Should().ContainSingle().Which.Should().Contain("1 to 200 characters");
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var problems = ProblemsWith(new IncidentDraft("", "", (IncidentSeverity)9, Now.AddDays(1), [], (IncidentVisibility)9));

        problems.Should().HaveCount(6);
    }

    [Fact]
    public void A_leads_declaration_is_active_at_once_with_the_whole_plan_starting_now()
    {
        var incident = Declared(IncidentSource.Lead);

        incident.Should().BeEquivalentTo(new
        {
            TeamId,
            State = IncidentState.Active,
            AcceptedAt = (DateTimeOffset?)Now,
            DeclaredAt = Now,
            Plan = RecoveryPlan.AllSteps,
            DeclaredBy = "aad-megan",
            Title = "Release slipped without warning",
        });
        IncidentIds.IsWellFormed(incident.Id).Should().BeTrue();
    }

    [Theory]
    [InlineData(IncidentSource.Member)]
    [InlineData(IncidentSource.Webhook)]
    public void A_members_or_a_tools_declaration_waits_for_a_lead_with_no_plan_yet(IncidentSource source)
    {
        var incident = Declared(source);

        incident.State.Should().Be(IncidentState.AwaitingLead);
        incident.AcceptedAt.Should().BeNull();
        incident.Plan.Should().BeEmpty();
    }

    [Fact]
    public void Declaring_trims_the_text_and_drops_repeated_factors()
    {
        var draft = Valid() with { Title = "  Release slipped  ", FactorIds = ["care", "care", "openness"], ExternalId = " PD-42 " };

        var incident = IncidentRules.Declare(draft, TeamId, IncidentSource.Webhook, null, null, Now, Guid.NewGuid());

        incident.Title.Should().Be("Release slipped");
        incident.FactorIds.Should().Equal("care", "openness");
        incident.ExternalId.Should().Be("PD-42");
    }

    [Fact]
    public void An_invalid_draft_cannot_be_declared()
    {
        var declare = () => IncidentRules.Declare(Valid() with { Title = "" }, TeamId, IncidentSource.Lead, "aad-lead", "Lynne", Now, Guid.NewGuid());

        declare.Should().Throw<ArgumentException>().WithMessage("*short title*");
    }

    [Fact]
    public void Accepting_an_awaiting_incident_starts_the_chosen_steps_in_plan_order()
    {
        var accepted = IncidentRules.Accept(Declared(IncidentSource.Member), [RecoveryStep.BaselineReview, RecoveryStep.Acknowledge, RecoveryStep.Acknowledge], Now.AddHours(2));

        accepted.Should().BeEquivalentTo(new
        {
            State = IncidentState.Active,
            AcceptedAt = (DateTimeOffset?)Now.AddHours(2),
            Plan = new[] { RecoveryStep.Acknowledge, RecoveryStep.BaselineReview },
        });
    }

    [Fact]
    public void Accepting_needs_an_awaiting_incident_and_at_least_one_real_step()
    {
        var awaiting = Declared(IncidentSource.Member);

        IncidentRules.Accept(Declared(IncidentSource.Lead), RecoveryPlan.AllSteps, Now).Should().BeNull();
        IncidentRules.Accept(awaiting, [], Now).Should().BeNull();
        IncidentRules.Accept(awaiting, [(RecoveryStep)42], Now).Should().BeNull();
        IncidentRules.StepProblems([]).Should().Equal("Please pick at least one step of the recovery plan.");
        IncidentRules.StepProblems([(RecoveryStep)42]).Should().Equal("Please pick the steps of the recovery plan from the list.");
    }

    [Fact]
    public void Only_an_awaiting_incident_can_be_dismissed_and_only_an_active_one_closed()
    {
        var awaiting = Declared(IncidentSource.Member);
        var active = Declared(IncidentSource.Lead);

        IncidentRules.Dismiss(awaiting, Now).Should().BeEquivalentTo(new { State = IncidentState.Dismissed, ClosedAt = (DateTimeOffset?)Now });
        IncidentRules.Close(active, Now).Should().BeEquivalentTo(new { State = IncidentState.Closed, ClosedAt = (DateTimeOffset?)Now });
        IncidentRules.Dismiss(active, Now).Should().BeNull();
        IncidentRules.Close(awaiting, Now).Should().BeNull();
        IncidentRules.Close(IncidentRules.Close(active, Now)!, Now).Should().BeNull();
        IncidentRules.Accept(IncidentRules.Dismiss(awaiting, Now)!, RecoveryPlan.AllSteps, Now).Should().BeNull();
    }
}
