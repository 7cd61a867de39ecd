using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Newtonsoft.Json.Linq;
using TrustBot.Bot;
using TrustBot.Cards;
using TrustBot.Delivery;
using TrustBot.Scheduling;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Teams;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;

namespace TrustBot.Tests.Pulse;

/// <summary>
/// The real bot, dialogs and stores on Azurite, driven through Bot Builder's TestAdapter as a
/// Teams channel and as members' 1:1 chats. Teams itself (roster, proactive sends) is a mock:
/// the cards the bot sends members are captured so tests can answer them as a member would.
/// </summary>
public sealed class PulseTestbed : IDisposable
{
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string BotId = "28:trustbot";
    public const string ServiceUrl = "https://smba.example/emea/";

    public static readonly RosterMember Lead = new("aad-lead-0001", "29:1lead", "Lynne Robbins");
    public static readonly RosterMember Megan = new("aad-megan-0002", "29:1megan", "Megan Bowen");
    public static readonly RosterMember Adele = new("aad-adele-0003", "29:1adele", "Adele Vance");
    public static readonly RosterMember Isaiah = new("aad-isaiah-0004", "29:1isaiah", "Isaiah Langer");

    private readonly TrustBotHost _host;
    private readonly List<(RosterMember Member, IActivity Activity)> _sent = [];

    /// <param name="azurite">The storage.</param>
    /// <param name="teamId">The team's id.</param>
    /// <param name="kestrelPort">When given, the host also listens on this loopback port (for a browser); otherwise it is in memory only.</param>
    /// <param name="testServices">Changes to the host's services, e.g. a store that fails on purpose.</param>
    /// <param name="prefix">Another testbed's <see cref="Prefix"/>, to run a second instance of the bot on the same storage; a fresh one by default.</param>
    public PulseTestbed(AzuriteFixture azurite, string teamId = "19:contoso-general@thread.tacv2", int? kestrelPort = null, string? prefix = null, Action<IServiceCollection>? testServices = null)
    {
        TeamId = teamId;
        Prefix = prefix ?? azurite.UniquePrefix();
        Messenger
            .Setup(m => m.GetRosterAsync(It.IsAny<Team>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => Roster);
        Messenger
            .Setup(m => m.SendToMemberAsync(It.IsAny<Team>(), It.IsAny<RosterMember>(), It.IsAny<CardMessage>(), It.IsAny<CancellationToken>()))
            .Callback<Team, RosterMember, CardMessage, CancellationToken>((_, member, message, _) => { lock (_sent) { _sent.Add((member, message.ToActivity())); } })
            .Returns(Task.CompletedTask);

        _host = TrustBotHost.OnAzurite(azurite.ConnectionString, Prefix, testServices: services =>
        {
            services.Replace(ServiceDescriptor.Singleton(Messenger.Object));
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            // No background loops: each turn delivers what it queued before returning, and tests run due jobs by hand.
            services.Configure<DeliveryOptions>(options => options.Enabled = false);
            services.Configure<SchedulerOptions>(options => options.Enabled = false);
            testServices?.Invoke(services);
        });
        if (kestrelPort is { } port)
        {
            _host.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port));
            _host.StartServer();
        }

        Bot = _host.Services.GetRequiredService<IBot>();
    }

    public string TeamId { get; }

    /// <summary>The prefix of this bot's table names.</summary>
    public string Prefix { get; }

    public Mock<ITeamsMessenger> Messenger { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public List<RosterMember> Roster { get; set; } = [Lead, Megan, Adele, Isaiah];

    public IBot Bot { get; }

    /// <summary>
    /// Whether each turn is followed by what waking the planner does (run the intents the turn wrote,
    /// e.g. <c>start pulse</c>'s); off, a test sees what the turn alone left in storage.
    /// </summary>
    public bool RunsTurnIntents { get; set; } = true;

    public IPulseStore Pulses => _host.Services.GetRequiredService<IPulseStore>();

    public AnonymousKeys Keys => _host.Services.GetRequiredService<AnonymousKeys>();

    /// <summary>The run's stored answers, opened with the bot's seal: what only the close (and the member changing theirs) gets to see.</summary>
    public async Task<IReadOnlyList<PulseAnswer>> OpenAnswersAsync(PulseRun run)
    {
        var seal = Service<AnswerSeal>();
        return [.. (await Pulses.GetAnswersAsync(run.TeamId, run.RunId, CancellationToken.None))
            .Select(answer => seal.Open(run.TeamId, run.RunId, answer.AnswerKey, answer.Sealed))];
    }

    /// <summary>An HTTP client for the host (in memory, or on Kestrel when it listens there).</summary>
    public HttpClient CreateClient() => _host.CreateClient();

    /// <summary>A service of the running host, e.g. a store to check what was written.</summary>
    public T Service<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    public void Dispose() => _host.Dispose();

    /// <summary>The pulse cards sent so far to a member, oldest first.</summary>
    public IReadOnlyList<JObject> CardsSentTo(RosterMember member)
    {
        lock (_sent)
        {
            return [.. _sent.Where(s => s.Member.MemberId == member.MemberId).Select(s => CardOf(s.Activity)!)];
        }
    }

    /// <summary>The bot is installed in the team's channel (or another team's, by id) by <paramref name="installer"/>.</summary>
    public Task<IReadOnlyList<IActivity>> InstallAsync(RosterMember installer, string? teamId = null)
    {
        var update = ChannelActivity(installer, ActivityTypes.ConversationUpdate, teamId);
        update.MembersAdded = [new ChannelAccount(BotId)];
        return SendAsync(ChannelAdapter(teamId), update);
    }

    /// <summary>The bot is removed from the team (or another team, by id) by <paramref name="remover"/>.</summary>
    public Task<IReadOnlyList<IActivity>> UninstallAsync(RosterMember remover, string? teamId = null)
    {
        var update = ChannelActivity(remover, ActivityTypes.ConversationUpdate, teamId);
        update.MembersRemoved = [new ChannelAccount(BotId)];
        return SendAsync(ChannelAdapter(teamId), update);
    }

    /// <summary>People join the team: Teams tells the bot in its channel.</summary>
    public Task<IReadOnlyList<IActivity>> MembersAddedAsync(params ChannelAccount[] joined)
    {
        var update = ChannelActivity(Lead, ActivityTypes.ConversationUpdate);
        update.MembersAdded = joined;
        return SendAsync(ChannelAdapter(), update);
    }

    /// <summary>People leave the team: Teams tells the bot in its channel.</summary>
    public Task<IReadOnlyList<IActivity>> MembersRemovedAsync(params ChannelAccount[] left)
    {
        var update = ChannelActivity(Lead, ActivityTypes.ConversationUpdate);
        update.MembersRemoved = left;
        return SendAsync(ChannelAdapter(), update);
    }

    /// <summary>A member installs the bot for themselves (again): Teams adds it to their 1:1 chat.</summary>
    public Task<IReadOnlyList<IActivity>> InstallPersonallyAsync(RosterMember member) =>
        SendAsync(PersonalAdapter(member), new Activity(ActivityTypes.ConversationUpdate) { From = AccountOf(member), MembersAdded = [new ChannelAccount(BotId)] });

    /// <summary>Someone @mentions the bot in the team's channel (or another team's, by id).</summary>
    public Task<IReadOnlyList<IActivity>> SayInChannelAsync(RosterMember sender, string text, string? teamId = null)
    {
        var message = ChannelActivity(sender, ActivityTypes.Message, teamId);
        message.Text = $"<at>TrustBot</at> {text}";
        message.Entities = [new Entity("mention")
        {
            Properties = JObject.FromObject(new { mentioned = new { id = BotId, name = "TrustBot" }, text = "<at>TrustBot</at>" }),
        }];
        return SendAsync(ChannelAdapter(teamId), message);
    }

    /// <summary>A member types in their 1:1 chat with the bot (on a client that reports the IANA time zone given).</summary>
    public Task<IReadOnlyList<IActivity>> SayInPersonalChatAsync(RosterMember sender, string text, string? timeZone = null) =>
        SendAsync(PersonalAdapter(sender), new Activity(ActivityTypes.Message)
        {
            Text = text,
            From = AccountOf(sender),
            Entities = timeZone is null ? null : [new Entity("clientInfo") { Properties = JObject.FromObject(new { locale = "en-US", timezone = timeZone }) }],
        });

    /// <summary>A member clicks an Action.Execute button in their 1:1 chat; returns the card that replaces it.</summary>
    public async Task<JObject> ClickAsync(RosterMember sender, string verb, JObject data) => (await ClickWithRepliesAsync(sender, verb, data)).Card;

    /// <summary>A member clicks an Action.Execute button in their 1:1 chat; returns the card that replaces it and the messages the turn sent.</summary>
    public async Task<(JObject Card, IReadOnlyList<IActivity> Sent)> ClickWithRepliesAsync(RosterMember sender, string verb, JObject data)
    {
        var invoke = new Activity(ActivityTypes.Invoke)
        {
            Name = "adaptiveCard/action",
            From = AccountOf(sender),
            Value = JObject.FromObject(new { action = new { type = "Action.Execute", verb, data } }),
        };
        var replies = await SendAsync(PersonalAdapter(sender), invoke);
        var response = (InvokeResponse)((Activity)replies.Single(r => r.Type == ActivityTypesEx.InvokeResponse)).Value;
        response.Status.Should().Be(200);
        var body = JObject.FromObject(response.Body);
        return ((JObject)body["value"]!, [.. replies.Where(r => r.Type != ActivityTypesEx.InvokeResponse)]);
    }

    /// <summary>Fills in a pulse card: the same point for every item, and the card's own submit data.</summary>
    public static JObject Answer(JObject pulseCard, int point, string? comment = null, string? helped = null, string? hurt = null)
    {
        var data = (JObject)SubmitAction(pulseCard)["data"]!.DeepClone();
        foreach (var input in ScoreInputs(pulseCard))
        {
            data[input] = point.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (comment is not null)
        {
            data["comment"] = comment;
        }

        if (helped is not null)
        {
            data["helped"] = helped;
        }

        if (hurt is not null)
        {
            data["hurt"] = hurt;
        }

        return data;
    }

    public static IReadOnlyList<string> ScoreInputs(JObject pulseCard) =>
        [.. pulseCard.Descendants().OfType<JObject>()
            .Where(o => (string?)o["type"] == "Input.ChoiceSet" && ((string?)o["id"])?.StartsWith("score.", StringComparison.Ordinal) == true)
            .Select(o => (string)o["id"]!)];

    public static JObject SubmitAction(JObject card) =>
        card["actions"]!.OfType<JObject>().Single(a => (string?)a["type"] == "Action.Execute");

    public static string TextOf(JContainer? card) =>
        card is null ? string.Empty : string.Join('\n', card.Descendants().OfType<JProperty>().Where(p => p.Name is "text" or "title" or "label" or "value" && p.Value.Type == JTokenType.String).Select(p => (string)p.Value!));

    public static JObject? CardOf(IActivity activity) =>
        (activity as IMessageActivity)?.Attachments?.FirstOrDefault(a => a.ContentType == "application/vnd.microsoft.card.adaptive")?.Content is { } content
            ? JObject.FromObject(content)
            : null;

    public static string ShownBy(IReadOnlyList<IActivity> replies) =>
        string.Join('\n', replies.OfType<IMessageActivity>().Select(r => r.Text + "\n" + TextOf(CardOf(r))));

    private static ChannelAccount AccountOf(RosterMember member) => new(member.UserId, member.Name) { AadObjectId = member.MemberId };

    private Activity ChannelActivity(RosterMember sender, string type, string? teamId = null) => new(type)
    {
        From = AccountOf(sender),
        ChannelData = new TeamsChannelData { Team = new TeamInfo(teamId ?? TeamId, teamId is null ? "Contoso" : "Fabrikam"), Tenant = new TenantInfo(TenantId) },
    };

    private TestAdapter ChannelAdapter(string? teamId = null) => new(new ConversationReference
    {
        ChannelId = "msteams",
        ServiceUrl = ServiceUrl,
        Conversation = new ConversationAccount(isGroup: true, conversationType: "channel", id: (teamId ?? TeamId) + ";messageid=1700000000000", tenantId: TenantId),
        Bot = new ChannelAccount(BotId, "TrustBot"),
        User = AccountOf(Lead),
    });

    private static TestAdapter PersonalAdapter(RosterMember member) => new(new ConversationReference
    {
        ChannelId = "msteams",
        ServiceUrl = ServiceUrl,
        Conversation = new ConversationAccount(conversationType: "personal", id: "a:1chat-" + member.MemberId, tenantId: TenantId),
        Bot = new ChannelAccount(BotId, "TrustBot"),
        User = AccountOf(member),
    });

    /// <summary>Moves the clock on, runs the jobs due by then and delivers what they queued.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await Service<JobPlanner>().RunDueJobsAsync(CancellationToken.None);
        await DeliverQueuedAsync();
    }

    /// <summary>Delivers everything waiting in the delivery queue, as the background workers would.</summary>
    public Task<int> DeliverQueuedAsync() => Service<DeliveryWorker>().DeliverPendingAsync(CancellationToken.None);

    private async Task<IReadOnlyList<IActivity>> SendAsync(TestAdapter adapter, Activity activity)
    {
        await adapter.ProcessActivityAsync(activity, Bot.OnTurnAsync, CancellationToken.None);
        if (RunsTurnIntents)
        {
            await Service<JobPlanner>().RunTurnIntentsAsync(CancellationToken.None);
        }

        await DeliverQueuedAsync();
        var replies = new List<IActivity>();
        while (adapter.GetNextReply() is { } reply)
        {
            replies.Add(reply);
        }

        return replies;
    }
}
