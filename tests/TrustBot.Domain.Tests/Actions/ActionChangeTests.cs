using TrustBot.Domain.Actions;

namespace TrustBot.Domain.Tests.Actions;

public sealed class ActionChangeTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly ActionActor Owner = new("megan", IsLead: false);
    private static readonly ActionActor Lead = new("lynne", IsLead: true);
    private static readonly ActionActor Other = new("adele", IsLead: false);

    private static readonly ActionItem Open = new ActionDraft("Share the checklist.", "megan", Today.AddDays(3), "reliability")
        .ToItem("team", "Megan Bowen", "adele", Now, Guid.NewGuid());

    [Fact]
    public void The_owner_and_a_lead_may_complete_it_and_anyone_else_is_refused()
    {
        new CompleteAction(Now).Apply(Open, Owner).Item!.CompletedAt.Should().Be(Now);
        new CompleteAction(Now).Apply(Open, Lead).Item!.CompletedAt.Should().Be(Now);
        new CompleteAction(Now).Apply(Open, Other).Should().Be(ActionOutcome.Refused("Only Megan Bowen or a lead of the team can change \"Share the checklist.\"."));
    }

    [Fact]
    public void Completing_twice_says_already_completed_and_reopening_an_open_item_says_already_open()
    {
        var done = Open with { CompletedAt = Now };

        new CompleteAction(Now.AddHours(1)).Apply(done, Owner).Problem.Should().Contain("already completed");
        new ReopenAction().Apply(Open, Owner).Problem.Should().Contain("already open");
        new ReopenAction().Apply(done, Owner).Item.Should().Be(Open);
    }

    [Fact]
    public void Rescheduling_checks_the_date_and_reassigning_keeps_everything_else()
    {
        new RescheduleAction(Today.AddDays(-1), Today).Apply(Open, Owner).Problem.Should().Contain("in the past");
        new RescheduleAction(Today.AddDays(10), Today).Apply(Open, Lead).Item!.DueOn.Should().Be(Today.AddDays(10));
        new ReassignAction("adele", "Adele Vance").Apply(Open, Owner).Item.Should().Be(Open with { OwnerId = "adele", OwnerName = "Adele Vance" });
        new ReassignAction("adele", "Adele Vance").Apply(Open, Other).Problem.Should().Contain("Only Megan Bowen");
    }

    [Fact]
    public void Overdue_means_open_after_the_due_day()
    {
        Open.IsOverdue(Open.DueOn).Should().BeFalse();
        Open.IsOverdue(Open.DueOn.AddDays(1)).Should().BeTrue();
        (Open with { CompletedAt = Now }).IsOverdue(Open.DueOn.AddDays(1)).Should().BeFalse();
    }
}
