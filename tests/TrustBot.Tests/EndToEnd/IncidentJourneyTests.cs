using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Teams;
using TrustBot.Pulse;
using TrustBot.Recovery.Incidents;
using TrustBot.Teams;

namespace TrustBot.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class IncidentJourneyTests(EndToEndFixture stack)
{
    private const string IncidentForm = "Declare an incident: TrustBot Team";
    private const string Title = "Release slipped without telling support";

    [Fact]
    public async Task A_lead_declares_an_incident_the_channel_gets_the_acknowledgement_and_three_days_later_the_member_gets_the_recovery_pulse()
    {
        // One open run per team: a pulse another journey left open would make the recovery pulse skip.
        await stack.CloseOpenPulseAsync();
        await using var playground = await stack.OpenPlaygroundAsync();
        await playground.OpenAsync(PlaygroundPage.TeamGeneralChannel);
        await playground.CardShowingAsync("Thanks for adding me to this team.");

        await playground.SendAsync("incident", mentionBot: true);
        await playground.FillAsync(IncidentForm, "A short title", Title);
        await playground.FillAsync(IncidentForm, "What happened?", "Support learned from a customer that the release moved a week.");
        await playground.PickAsync(IncidentForm, IncidentView.SeverityChoice(IncidentSeverity.Major));
        await playground.PickAsync(IncidentForm, TrustFactors.Reliability.Name);
        await playground.PickAsync(IncidentForm, TrustFactors.Openness.Name);
        await playground.PickAsync(IncidentForm, IncidentView.VisibilityChoice(IncidentVisibility.Team));
        await playground.ScreenshotAsync("incident-card-filled", await playground.CardShowingAsync(IncidentForm));
        await playground.ClickAsync(IncidentForm, "Declare incident");
        await playground.CardShowingAsync("Incident declared; the recovery plan starts now");

        // The acknowledgement is due at once; running the due jobs now spares waiting for the planner's next round.
        await stack.AdvanceBotClockAsync(hours: 0);
        var acknowledgement = await playground.CardShowingAsync("Naming it is the first step to mending it.");
        (await acknowledgement.InnerTextAsync()).Should().ContainAll($"Incident: {Title}", "Support learned from a customer that the release moved a week.");
        await playground.ScreenshotAsync("incident-acknowledged", acknowledgement);

        // Past T+3 days, when the recovery pulse opens for the members.
        await stack.AdvanceBotClockAsync(hours: 73);
        await playground.OpenAsync(PlaygroundPage.PersonalChat);
        var recoveryPulse = await playground.CardShowingAsync($"A short check-in after “{Title}”");
        (await recoveryPulse.InnerTextAsync()).Should().Contain("How is trust in the team doing now?");
        await playground.ScreenshotAsync("incident-recovery-pulse-arrived", recoveryPulse);

        // Leave the team without an open pulse or a running plan for the journeys after this one.
        await CloseRecoveryPlanAsync();
        await playground.OpenAsync(PlaygroundPage.TeamGeneralChannel);
        await playground.SendAsync("close pulse", mentionBot: true);
        await playground.CardShowingAsync("Pulse closed");
    }

    private async Task CloseRecoveryPlanAsync()
    {
        var team = await stack.Services.GetRequiredService<ITeamStore>().GetTeamAsync(PlaygroundPage.TeamId, CancellationToken.None);
        var incident = (await stack.Services.GetRequiredService<IIncidentStore>().GetAllAsync(PlaygroundPage.TeamId, CancellationToken.None))
            .Single(i => i.Title == Title && i.State == IncidentState.Active);
        var lead = (await stack.Services.GetRequiredService<TeamDirectory>().LeadIdsAsync(PlaygroundPage.TeamId, CancellationToken.None)).First();

        var closed = await stack.Services.GetRequiredService<IncidentService>().CloseAsync(team!, incident.Id, lead, CancellationToken.None);

        closed.Outcome.Should().Be(IncidentUpdateOutcome.Updated);
    }
}
