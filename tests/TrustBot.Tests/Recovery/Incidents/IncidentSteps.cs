using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json.Linq;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Teams;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Recovery.Incidents;

/// <summary>What people do with the incident cards, as a Teams client would send it.</summary>
public sealed class IncidentSteps(PulseTestbed bed)
{
    public const string DeclareVerb = "incident.declare";
    public const string AcceptVerb = "incident.accept";
    public const string DismissVerb = "incident.dismiss";
    public const string CloseVerb = "incident.close";
    public const string KeepGoingVerb = "incident.keep";

    /// <summary>
    /// Lynne installs the bot, its roster job runs, Adele is made a second lead, and Megan is known as
    /// a member (as a pulse invitation would make her), so she can use her 1:1 chat.
    /// </summary>
    public async Task InstallWithTwoLeadsAsync()
    {
        await bed.InstallAsync(Lead);
        await bed.AdvanceAsync(TimeSpan.Zero);
        var memberships = bed.Service<ITeamStore>();
        await memberships.SaveMembershipAsync(new Membership(Adele.MemberId, bed.TeamId, TeamRole.Lead, Adele.Name), CancellationToken.None);
        await memberships.EnsureMembershipAsync(new Membership(Megan.MemberId, bed.TeamId, TeamRole.Member, Megan.Name), CancellationToken.None);
    }

    public Task<IReadOnlyList<Incident>> StoredAsync() =>
        bed.Service<IIncidentStore>().GetAllAsync(bed.TeamId, CancellationToken.None);

    /// <summary>The recovery nudge jobs planned so far, as "incidentId|Step" subjects.</summary>
    public async Task<IReadOnlyList<ScheduledJob>> NudgeJobsAsync() =>
        [.. (await bed.Service<IJobStore>().GetDueAsync(DateTimeOffset.MaxValue, 1000, CancellationToken.None)).Where(job => job.Kind == JobKind.RecoveryNudge)];

    public async Task<JObject> FormAsync(RosterMember sender, bool inChannel = true)
    {
        var replies = inChannel ? await bed.SayInChannelAsync(sender, "incident") : await bed.SayInPersonalChatAsync(sender, "incident");
        return CardOf(replies.Single()) ?? throw new InvalidOperationException(ShownBy(replies));
    }

    public async Task<JObject> ListAsync(RosterMember reader, bool inChannel = false)
    {
        var replies = inChannel ? await bed.SayInChannelAsync(reader, "incidents") : await bed.SayInPersonalChatAsync(reader, "incidents");
        return CardOf(replies.Single()) ?? throw new InvalidOperationException(ShownBy(replies));
    }

    /// <summary>Fills in the declaration form (in the channel, unless said otherwise) and submits it; returns the card that replaces it.</summary>
    public async Task<JObject> DeclareAsync(
        RosterMember sender,
        string title = "Release slipped without telling support",
        string whatHappened = "We promised support the release for Friday; it slipped and nobody told them.",
        string severity = "Major",
        string occurredOn = "2026-11-22",
        string occurredTime = "15:30",
        string factors = "reliability,openness",
        string visibility = "Team",
        bool inChannel = true)
    {
        var data = (JObject)SubmitAction(await FormAsync(sender, inChannel))["data"]!.DeepClone();
        data["title"] = title;
        data["whatHappened"] = whatHappened;
        data["severity"] = severity;
        data["occurredOn"] = occurredOn;
        data["occurredTime"] = occurredTime;
        data["factors"] = factors;
        data["visibility"] = visibility;
        return inChannel ? await ClickInChannelAsync(sender, DeclareVerb, data) : await bed.ClickAsync(sender, DeclareVerb, data);
    }

    /// <summary>Clicks a button with the given verb on a card, with extra inputs; returns the card that replaces it.</summary>
    public Task<JObject> ClickAsync(RosterMember sender, JObject card, string verb, string? steps = null)
    {
        var data = (JObject)ButtonOf(card, verb)["data"]!.DeepClone();
        if (steps is not null)
        {
            data["steps"] = steps;
        }

        return bed.ClickAsync(sender, verb, data);
    }

    /// <summary>Someone clicks an Action.Execute button on a card in the team's channel, on a clock with the given offset from UTC (none: Teams sent no local time).</summary>
    public async Task<JObject> ClickInChannelAsync(RosterMember sender, string verb, JObject data, TimeSpan? localOffset = null)
    {
        var adapter = new TestAdapter(new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = ServiceUrl,
            Conversation = new ConversationAccount(isGroup: true, conversationType: "channel", id: bed.TeamId + ";messageid=1700000000000", tenantId: TenantId),
            Bot = new ChannelAccount(BotId, "TrustBot"),
            User = new ChannelAccount(sender.UserId, sender.Name) { AadObjectId = sender.MemberId },
        });
        var invoke = new Activity(ActivityTypes.Invoke)
        {
            Name = "adaptiveCard/action",
            From = new ChannelAccount(sender.UserId, sender.Name) { AadObjectId = sender.MemberId },
            ChannelData = new TeamsChannelData { Team = new TeamInfo(bed.TeamId, "Contoso"), Tenant = new TenantInfo(TenantId) },
            Value = JObject.FromObject(new { action = new { type = "Action.Execute", verb, data } }),
            LocalTimestamp = localOffset is { } offset ? bed.Clock.GetUtcNow().ToOffset(offset) : null,
        };
        await adapter.ProcessActivityAsync(invoke, bed.Bot.OnTurnAsync, CancellationToken.None);
        await bed.DeliverQueuedAsync();
        var response = (InvokeResponse)((Activity)adapter.GetNextReply()).Value;
        response.Status.Should().Be(200);
        return (JObject)JObject.FromObject(response.Body)["value"]!;
    }

    /// <summary>The first button (or ShowCard's submit) with the verb, anywhere on the card.</summary>
    public static JObject ButtonOf(JContainer card, string verb) =>
        card.Descendants().OfType<JObject>().First(o => (string?)o["verb"] == verb);

    /// <summary>The part of a list card about one incident.</summary>
    public static JObject EntryOf(JObject list, string title) =>
        list.Descendants().OfType<JObject>().First(o => (string?)o["type"] == "Container" && (string?)o["items"]?.First?["text"] == title);

    public static IReadOnlyList<string> VerbsOn(JContainer card) =>
        [.. card.Descendants().OfType<JObject>().Select(o => (string?)o["verb"]).OfType<string>()];
}
