using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using TrustBot.Delivery;
using TrustBot.Observability;
using TrustBot.Scheduling;
using TrustBot.Storage;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using static TrustBot.Tests.Hosting.TeamsActivities;
using PulseTestbed = TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Observability;

/// <summary>
/// Whoever reads Application Insights must not be able to tell who answered what. A whole pulse is
/// run over HTTP against the real host with telemetry on (Teams played by a fake Bot Connector on
/// loopback, storage on Azurite), and everything the exporters received — spans, their events and
/// links, logs, metrics, the resource — is searched for anything that names a member.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TelemetryNamesNobodyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _teamId = $"19:{Guid.NewGuid():N}@thread.tacv2";
    private readonly string _tenantId = Guid.NewGuid().ToString();
    private readonly FakeMember[] _people = [.. Enumerable.Range(1, 6).Select(n => new FakeMember($"29:1{Guid.NewGuid():N}", Guid.NewGuid().ToString(), $"Person{n} Surname{Guid.NewGuid():N}"))];
    private readonly ExportedTelemetry _exported = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly string _prefix = azurite.UniquePrefix();
    private FakeBotConnector _connector = null!;
    private TrustBotHost? _host;
    private HttpClient? _client;

    private FakeMember Lead => _people[0];

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _connector.SetRoster(_teamId, _people);
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_whole_pulse_leaves_no_member_identifier_comment_or_answer_key_in_anything_exported()
    {
        StartHost(TelemetryRegistration.ConsoleExporterKey, "true");
        var comments = await RunWholePulseAsync();

        ExportedTelemetry.Flush(_host!.Services);
        var exported = _exported.Everything(_host.Services).ToList();

        // What operators need stays: which table, which Bot Connector operation, how it went.
        var urls = _exported.Spans.Select(s => s.GetTagItem("url.full") as string).OfType<string>().ToList();
        urls.Should().Contain(url => url.EndsWith($"/{_prefix}PulseResponses", StringComparison.Ordinal), "a storage span names its table, without the keys");
        urls.Should().Contain(url => url == $"{_connector.ServiceUrl}v3/conversations/{{id}}/activities/{{id}}", "a Bot Connector span shows the operation, without the ids");
        _exported.Spans.Should().Contain(s => s.GetTagItem("http.response.status_code") != null && s.GetTagItem("http.request.method") != null);
        _exported.Logs.Should().NotBeEmpty("logs are exported too");
        NoSecretIn(exported, await SecretsAsync(comments));
    }

    [Fact]
    public async Task What_the_Azure_Monitor_distro_sends_to_Application_Insights_names_nobody_either()
    {
        await using var ingestion = await FakeIngestion.StartAsync();
        StartHost(TelemetryRegistration.ConnectionStringKey, ingestion.ConnectionString, services => services.Configure<AzureMonitorOptions>(options =>
        {
            // The exporter's offline storage is one directory per instrumentation key, user and
            // program, shared by every run on the machine: without it, nothing earlier runs left
            // there is uploaded to this fake, and nothing this run leaves is uploaded to later ones.
            options.DisableOfflineStorage = true;
            // The distro keeps at most 5 traces a second, counting every trace in the process (other
            // tests' hosts too), so which ones survive would depend on pace: here every one is sent,
            // so every one is searched.
            options.SamplingRatio = 1.0F;
            options.TracesPerSecond = null;
        }));
        var comments = await RunWholePulseAsync();
        var secrets = await SecretsAsync(comments);

        // Sent now, while the host runs: stopping it would only write the last batches to offline storage.
        ExportedTelemetry.Flush(_host!.Services);
        _client!.Dispose();
        await _host!.DisposeAsync();
        _host = null;

        var sent = ingestion.Bodies.SelectMany(body => body.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        sent.Should().Contain(item => item.Contains("\"RemoteDependencyData\"", StringComparison.Ordinal) && item.Contains($"/{_prefix}PulseResponses", StringComparison.Ordinal), "storage calls reach Application Insights, named by table");
        sent.Should().Contain(item => item.Contains("\"RequestData\"", StringComparison.Ordinal), "requests reach Application Insights");
        sent.Should().Contain(item => item.Contains("\"MessageData\"", StringComparison.Ordinal), "logs reach Application Insights");
        NoSecretIn(sent, secrets);
    }

    // A host on this test's storage and connector, with telemetry on (the setting given) and the
    // in-memory exporters; `configure` adds to the telemetry options.
    private void StartHost(string telemetrySetting, string value, Action<IServiceCollection>? configure = null)
    {
        _host = TrustBotHost.OnAzurite(azurite.ConnectionString, _prefix, extra: new Dictionary<string, string?> { [telemetrySetting] = value }, testServices: services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock));
            // No background loops: the test delivers and runs due jobs itself, as the workers would.
            services.Configure<DeliveryOptions>(options => options.Enabled = false);
            services.Configure<SchedulerOptions>(options => options.Enabled = false);
            _exported.AddTo(services);
            configure?.Invoke(services);
        });
        _client = _host.CreateClient();
    }

    // A lead installs the bot and starts a pulse; five members answer with comments, one changes
    // their answer; the sixth is reminded; the pulse closes and the lead reads the summary.
    private async Task<string[]> RunWholePulseAsync()
    {
        string[] comments = [.. _people.Select(_ => $"comment-{Guid.NewGuid():N}")];
        await PostAsync(InTeam(BotInstalled("channel", _teamId), Lead));
        await SayInChannelAsync(Lead, "start pulse");
        // Comments are shown from 5 answers on.
        for (var i = 0; i < 5; i++)
        {
            await AnswerAsync(_people[i], point: 1 + i, comments[i]);
        }

        await AnswerAsync(_people[1], point: 1, comments[1] + "-changed");
        await AdvanceAsync(TimeSpan.FromDays(2));
        _connector.DeliveredTo(_people[5].UserId).Should().Be(2, "the member who did not answer was reminded");
        await AdvanceAsync(TimeSpan.FromDays(1));
        _connector.Received.Should().Contain(a => a.ConversationId == _teamId && a.CardText().Contains("This pulse has closed"));
        var summary = await PostAsync(InPersonalChat(PersonalMessage("summary"), Lead));
        TextOf(CardOf(summary.FirstOrDefault())).Should().Contain(comments[0], "the lead's summary shows the comments, so the pulse really ran");
        return comments;
    }

    private static void NoSecretIn(IReadOnlyList<string> exported, IReadOnlyList<string> secrets)
    {
        var leaks = exported.SelectMany(line => secrets.Where(secret => line.Contains(secret, StringComparison.OrdinalIgnoreCase)).Select(secret => $"{secret} in {line}")).ToList();
        leaks.Should().BeEmpty("nobody reading telemetry may link a person to an answer, yet {0} exported items do, e.g.\n{1}", leaks.Count, string.Join("\n", leaks.Take(15)));
    }

    // Everything that names a person or an answer, as written and as it would appear in a URL.
    private async Task<IReadOnlyList<string>> SecretsAsync(IEnumerable<string> comments)
    {
        var responses = _host!.Services.GetRequiredService<StorageAccount>().Table("PulseResponses");
        var answerKeys = new List<string>();
        await foreach (var entity in responses.QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            answerKeys.Add(entity.RowKey);
        }

        answerKeys.Should().NotBeEmpty();
        IEnumerable<string> raw =
        [
            _teamId, _tenantId,
            .. _people.SelectMany(p => new[] { p.UserId, p.AadObjectId, p.Name, PersonalConversation(p) }),
            .. comments, .. answerKeys,
        ];
        return [.. raw.SelectMany(s => new[] { s, Uri.EscapeDataString(s) }).Distinct()];
    }

    // The fake Bot Connector gives each member's 1:1 chat this id.
    private static string PersonalConversation(FakeMember person) => "a:personal-" + person.UserId;

    private async Task AnswerAsync(FakeMember person, int point, string comment)
    {
        var card = _connector.Received.Last(a => a.RecipientUserId == person.UserId).AdaptiveCards.Single();
        var data = PulseTestbed.Answer(card, point, comment);
        var invoke = InPersonalChat(CardAction("pulse.submit", JsonNode.Parse(data.ToString())!.AsObject()), person);
        using var response = await _client!.PostAsJsonAsync("/api/messages", invoke);
        response.EnsureSuccessStatusCode();
        (await response.Content.ReadAsStringAsync()).Should().Contain("Thank", "the answer was recorded");
    }

    private async Task<JsonArray> SayInChannelAsync(FakeMember sender, string text)
    {
        var message = InTeam(ChannelMessage($"<at>TrustBot</at> {text}"), sender);
        return await PostAsync(message);
    }

    private async Task<JsonArray> PostAsync(JsonObject activity)
    {
        var replies = await _client!.PostExpectingRepliesAsync(activity);
        // What the woken planner does with an intent the turn wrote (start pulse's).
        await _host!.Services.GetRequiredService<JobPlanner>().RunTurnIntentsAsync(CancellationToken.None);
        await _host.Services.GetRequiredService<DeliveryWorker>().DeliverPendingAsync(CancellationToken.None);
        return replies;
    }

    private async Task AdvanceAsync(TimeSpan by)
    {
        _clock.Advance(by);
        await _host!.Services.GetRequiredService<JobPlanner>().RunDueJobsAsync(CancellationToken.None);
        await _host.Services.GetRequiredService<DeliveryWorker>().DeliverPendingAsync(CancellationToken.None);
    }

    private JsonObject InTeam(JsonObject activity, FakeMember sender)
    {
        From(activity, sender);
        activity["conversation"] = new JsonObject { ["id"] = _teamId, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = _tenantId };
        activity["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = _tenantId },
            ["team"] = new JsonObject { ["id"] = _teamId, ["name"] = "Telemetry team" },
        };
        return activity;
    }

    private JsonObject InPersonalChat(JsonObject activity, FakeMember sender)
    {
        From(activity, sender);
        activity["conversation"] = new JsonObject { ["id"] = PersonalConversation(sender), ["conversationType"] = "personal", ["tenantId"] = _tenantId };
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = _tenantId } };
        return activity;
    }

    private void From(JsonObject activity, FakeMember sender)
    {
        activity["serviceUrl"] = _connector.ServiceUrl;
        activity["from"] = new JsonObject { ["id"] = sender.UserId, ["aadObjectId"] = sender.AadObjectId, ["name"] = sender.Name };
    }
}
