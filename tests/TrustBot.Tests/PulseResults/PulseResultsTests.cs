using Newtonsoft.Json.Linq;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.PulseResults;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;
using TrustBot.Tests.Recovery.Incidents;

namespace TrustBot.Tests.PulseResults;

/// <summary>
/// When a pulse closes, the results go back to everyone asked: when enough answered, each lead first
/// gets them to add a "what we will do" line and send them; without a lead's send they go a day later
/// without a line. Below k the members hear that too few answered. Either way, once.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PulseResultsTests : IDisposable
{
    private const string Line = "We'll open Monday's stand-up with risks and concerns for the next month.";

    // The testbed's clock starts on Monday 23 November 2026, 09:00 UTC; four members, k = 3.
    private readonly PulseTestbed _bed;

    public PulseResultsTests(AzuriteFixture azurite) => _bed = new PulseTestbed(azurite);

    public void Dispose() => _bed.Dispose();

    // The leads' card previews the members' one, so it is told apart by its own heading.
    private IReadOnlyList<JObject> Cards(RosterMember member, string heading) =>
        [.. _bed.CardsSentTo(member).Where(card => TextOf(card).Contains(heading, StringComparison.Ordinal)
            && (heading.StartsWith("The results are ready", StringComparison.Ordinal) || !TextOf(card).Contains("The results are ready", StringComparison.Ordinal)))];

    /// <summary>Lynne installs the bot and starts a pulse; the first <paramref name="answering"/> members answer it (Megan with a comment); Lynne closes it.</summary>
    private async Task PulseClosedWithAnswersAsync(int answering)
    {
        await _bed.InstallAsync(Lead);
        await _bed.AdvanceAsync(TimeSpan.Zero);
        await _bed.SayInChannelAsync(Lead, "start pulse");
        foreach (var (member, point) in new[] { (Megan, 4), (Adele, 2), (Isaiah, 3), (Lead, 5) }.Take(answering))
        {
            var card = _bed.CardsSentTo(member).Single();
            await _bed.ClickAsync(member, "pulse.submit", Answer(card, point, comment: member == Megan ? "Nobody tells us when plans change." : null));
        }

        await _bed.SayInChannelAsync(Lead, "close pulse");
    }

    private JObject LeadCard() => Cards(Lead, "The results are ready").Should().ContainSingle().Subject;

    private Task<JObject> SendAsync(RosterMember sender, string? line, Action<JObject>? tamper = null)
    {
        var data = (JObject)IncidentSteps.ButtonOf(LeadCard(), LeadResultsCard.SendVerb)["data"]!.DeepClone();
        if (line is not null)
        {
            data["line"] = line;
        }

        tamper?.Invoke(data);
        return _bed.ClickAsync(sender, LeadResultsCard.SendVerb, data);
    }

    private IEnumerable<RosterMember> Members => _bed.Roster;

    [Fact]
    public async Task At_close_each_lead_gets_the_results_to_add_a_line_and_the_members_nothing_yet()
    {
        await PulseClosedWithAnswersAsync(answering: 3);

        var card = LeadCard();
        TextOf(card).Should().Contain("What we will do (optional)").And.Contain("Send results now").And.Contain("trust index").And.Contain("3 of 4 answered");
        TextOf(card).Should().NotContain("Nobody tells us", "comments never travel with results");
        Cards(Megan, "Pulse results").Should().BeEmpty();
    }

    [Fact]
    public async Task A_leads_line_goes_to_every_member_with_the_results_once()
    {
        await PulseClosedWithAnswersAsync(answering: 3);

        var sent = await SendAsync(Lead, "  " + Line + "  ");

        TextOf(sent).Should().Contain("Results sent").And.Contain("4 members").And.Contain(Line);
        foreach (var member in Members)
        {
            var results = Cards(member, "Pulse results: Contoso").Should().ContainSingle().Subject;
            TextOf(results).Should().Contain("What we will do").And.Contain(Line).And.Contain("3 of 4 answered (75%)")
                .And.Contain("trust index").And.Contain("Strongest").And.Contain("Needs most care").And.NotContain("Nobody tells us");
        }

        await _bed.AdvanceAsync(TimeSpan.FromDays(2));
        Cards(Megan, "Pulse results").Should().ContainSingle("the wait running out sends nothing more");
        var again = await SendAsync(Lead, "Something else");
        TextOf(again).Should().Contain("The results went already").And.Contain(Line).And.Contain("Nothing more was sent");
        Cards(Megan, "Pulse results").Should().ContainSingle();
    }

    [Fact]
    public async Task Without_a_leads_send_the_results_go_a_day_later_without_a_line()
    {
        await PulseClosedWithAnswersAsync(answering: 3);

        await _bed.AdvanceAsync(TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1));
        Cards(Megan, "Pulse results").Should().BeEmpty();
        await _bed.AdvanceAsync(TimeSpan.FromMinutes(1));

        foreach (var member in Members)
        {
            TextOf(Cards(member, "Pulse results").Should().ContainSingle().Subject).Should().NotContain("What we will do");
        }

        var late = await SendAsync(Lead, Line);
        TextOf(late).Should().Contain("The results went already").And.Contain("without a line");
        await _bed.AdvanceAsync(TimeSpan.FromDays(7));
        Cards(Megan, "Pulse results").Should().ContainSingle();
    }

    [Fact]
    public async Task An_empty_line_sends_the_results_without_one()
    {
        await PulseClosedWithAnswersAsync(answering: 3);

        var sent = await SendAsync(Lead, "   ");

        TextOf(sent).Should().Contain("without a line");
        TextOf(Cards(Adele, "Pulse results").Should().ContainSingle().Subject).Should().NotContain("What we will do");
    }

    [Fact]
    public async Task Below_k_the_members_hear_at_once_that_too_few_answered_and_the_leads_get_nothing_to_send()
    {
        await PulseClosedWithAnswersAsync(answering: 2);
        await _bed.AdvanceAsync(TimeSpan.Zero);

        Cards(Lead, "The results are ready").Should().BeEmpty();
        foreach (var member in Members)
        {
            TextOf(Cards(member, "The pulse has closed: Contoso").Should().ContainSingle().Subject)
                .Should().Contain("2 of 4 answered").And.Contain("fewer than the 3 needed").And.NotContain("trust index");
        }

        await _bed.AdvanceAsync(TimeSpan.FromDays(3));
        Cards(Megan, "The pulse has closed").Should().ContainSingle();
    }

    [Fact]
    public async Task Closing_again_and_the_scheduled_close_send_nothing_twice()
    {
        await PulseClosedWithAnswersAsync(answering: 3);
        await SendAsync(Lead, Line);
        var rollup = (await _bed.Pulses.GetRecentRollupsAsync(_bed.TeamId, 1, CancellationToken.None)).Single();

        // As after a crash mid-close: the close's follow-up is planned again, and its run's own close job comes due.
        await _bed.Service<PulseResultsPlanner>().PlanAsync(rollup, CancellationToken.None);
        await _bed.AdvanceAsync(TimeSpan.FromDays(4));

        Cards(Lead, "The results are ready").Should().ContainSingle();
        foreach (var member in Members)
        {
            Cards(member, "Pulse results").Should().ContainSingle();
        }
    }

    [Fact]
    public async Task A_line_too_long_is_refused_with_the_text_kept_and_nothing_is_sent()
    {
        await PulseClosedWithAnswersAsync(answering: 3);
        var tooLong = new string('x', 281);

        var refused = await SendAsync(Lead, tooLong);

        TextOf(refused).Should().Contain("281 characters long; please keep it to 280 or fewer").And.Contain("Send results now");
        Cards(Megan, "Pulse results").Should().BeEmpty();
        (await _bed.Service<ResultsService>().ReleaseOfAsync(_bed.TeamId, (string)IncidentSteps.ButtonOf(LeadCard(), LeadResultsCard.SendVerb)["data"]!["runId"]!, CancellationToken.None))
            .Should().BeNull();
    }

    [Theory]
    [InlineData("runId", "not-a-run", "This card can't be used")]
    [InlineData("runId", "20261101T090000Z-00000000000000000000000000000000", "This card can't be used")]
    [InlineData("teamId", "19:another-team@thread.tacv2", "for a team you don't lead")]
    [InlineData("line", null, "This card can't be used")]
    public async Task A_tampered_card_is_refused_and_nothing_is_sent(string field, string? value, string message)
    {
        await PulseClosedWithAnswersAsync(answering: 3);

        var refused = await SendAsync(Lead, Line, data => data[field] = value is null ? new JValue(42) : new JValue(value));

        TextOf(refused).Should().Contain(message);
        Cards(Megan, "Pulse results").Should().BeEmpty();
    }

    [Fact]
    public async Task A_well_formed_run_that_is_not_the_teams_is_refused()
    {
        await PulseClosedWithAnswersAsync(answering: 3);
        var runId = (string)IncidentSteps.ButtonOf(LeadCard(), LeadResultsCard.SendVerb)["data"]!["runId"]!;
        var otherRun = runId[..^1] + (runId[^1] == '0' ? '1' : '0');

        var refused = await SendAsync(Lead, Line, data => data["runId"] = otherRun);

        TextOf(refused).Should().Contain("isn't one of this team's closed pulses");
        Cards(Megan, "Pulse results").Should().BeEmpty();
    }

    [Fact]
    public async Task A_member_who_is_not_a_lead_cannot_send_the_results()
    {
        await PulseClosedWithAnswersAsync(answering: 3);

        var refused = await SendAsync(Megan, Line);

        TextOf(refused).Should().Contain("Only a lead of the team can send its results");
        Cards(Megan, "Pulse results").Should().BeEmpty();
    }

    [Fact]
    public async Task The_results_job_is_planned_once_per_run()
    {
        await PulseClosedWithAnswersAsync(answering: 3);

        var jobs = (await _bed.Service<IJobStore>().GetDueAsync(DateTimeOffset.MaxValue, 100, CancellationToken.None)).Where(job => job.Kind == JobKind.PulseResults);

        jobs.Should().ContainSingle().Which.DueAt.Should().Be(_bed.Clock.GetUtcNow().AddHours(24));
    }
}
