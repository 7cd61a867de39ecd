using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TrustBot.Delivery;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Teams;
using TrustBot.Recovery.Webhook;
using TrustBot.Scheduling;
using TrustBot.Storage;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;
using static TrustBot.Tests.Hosting.TeamsActivities;

namespace TrustBot.Tests.Recovery.Webhook;

/// <summary>
/// <c>POST /api/incidents/{webhookId}</c> on the real host over HTTP: a signed request from an
/// incident tool becomes an incident waiting for the leads; every other request is refused with
/// 401, 400 or 413, writes nothing it need not, and is logged without its body.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IncidentWebhookTests : IDisposable
{
    private const string TeamId = "19:webhooked@thread.tacv2";
    private const string Body =
        """{"title":"Checkout is down","description":"Payments fail for every customer in the EU since 08:10.","severity":"major","externalId":"PD-12345"}""";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly CapturedLogs _logs = new();
    private readonly TrustBotHost _host;
    private readonly HttpClient _client;

    private readonly AzuriteFixture _azurite;
    private readonly string _prefix;

    public IncidentWebhookTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        _prefix = azurite.UniquePrefix();
        _host = TrustBotHost.OnAzurite(azurite.ConnectionString, _prefix, testServices: services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock));
            services.AddSingleton<ILoggerProvider>(_logs);
            // No background loops: the leads' cards stay queued, and nothing calls Teams.
            services.Configure<DeliveryOptions>(options => options.Enabled = false);
            services.Configure<SchedulerOptions>(options => options.Enabled = false);
        });
        _client = _host.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _host.Dispose();
    }

    private IIncidentWebhookStore Webhooks => _host.Services.GetRequiredService<IIncidentWebhookStore>();

    private static JsonObject InTeam(JsonObject activity)
    {
        activity["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TenantId },
            ["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "Webhooked" },
        };
        return activity;
    }

    /// <summary>The bot is installed in the team (the sender becomes its lead) and the team gets a webhook.</summary>
    private async Task<(string Url, string Secret, IncidentWebhook Webhook)> WebhookAsync()
    {
        await _client.PostExpectingRepliesAsync(InTeam(BotInstalled("channel", TeamId)));
        var webhook = await Webhooks.CreateOrRotateAsync(TeamId, _clock.GetUtcNow(), CancellationToken.None);
        return (IncidentWebhookEndpoint.PathFor(webhook.WebhookId), SecretOf(webhook), webhook);
    }

    private string SecretOf(IncidentWebhook webhook) =>
        _host.Services.GetRequiredService<IncidentWebhookSignature>().SecretFor(webhook.WebhookId, webhook.Version);

    private static string UnixSeconds(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private HttpRequestMessage Signed(string url, string secret, string body, DateTimeOffset? signedAt = null)
    {
        var timestamp = UnixSeconds(signedAt ?? _clock.GetUtcNow());
        var request = Unsigned(url, body);
        request.Headers.Add(IncidentWebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(IncidentWebhookSignature.SignatureHeader, IncidentWebhookSignature.Sign(secret, timestamp, Encoding.UTF8.GetBytes(body)));
        return request;
    }

    private static HttpRequestMessage Unsigned(string url, string body) =>
        new(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(HttpRequestMessage request)
    {
        using (request)
        using (var response = await _client.SendAsync(request))
        {
            return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
        }
    }

    private Task<IReadOnlyList<Incident>> IncidentsAsync() =>
        _host.Services.GetRequiredService<IIncidentStore>().GetAllAsync(TeamId, CancellationToken.None);

    private async Task<int> RecordedSignaturesAsync(string webhookId) =>
        await _host.Services.GetRequiredService<StorageTables>().Get("WebhookReplays")
            .QueryAsync(Azure.Data.Tables.TableClient.CreateQueryFilter($"WebhookId eq {webhookId}")).CountAsync();

    private async Task ShouldBeRefusedAsync(HttpRequestMessage request, HttpStatusCode status, string error, string webhookId)
    {
        var (actual, body) = await SendAsync(request);

        actual.Should().Be(status);
        ((string?)body["error"]).Should().Contain(error);
        (await IncidentsAsync()).Should().BeEmpty();
        (await RecordedSignaturesAsync(webhookId)).Should().Be(0);
        _logs.Lines.Should().Contain(line => line.Contains($"refused with {(int)status}", StringComparison.Ordinal));
        _logs.Lines.Should().NotContain(line => line.Contains("Checkout", StringComparison.Ordinal) || line.Contains("sha256=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_signed_request_becomes_an_incident_waiting_for_the_leads()
    {
        var (url, secret, webhook) = await WebhookAsync();

        var (status, body) = await SendAsync(Signed(url, secret, Body));

        status.Should().Be(HttpStatusCode.Accepted);
        var incident = (await IncidentsAsync()).Should().ContainSingle().Subject;
        ((string?)body["incidentId"]).Should().Be(incident.Id);
        incident.Should().BeEquivalentTo(new
        {
            Title = "Checkout is down",
            WhatHappened = "Payments fail for every customer in the EU since 08:10.",
            Severity = IncidentSeverity.Major,
            OccurredAt = _clock.GetUtcNow(),
            FactorIds = new List<string> { "reliability" },
            Visibility = IncidentVisibility.LeadsOnly,
            Source = IncidentSource.Webhook,
            DeclaredBy = (string?)null,
            State = IncidentState.AwaitingLead,
            ExternalId = "PD-12345",
        });
        (await RecordedSignaturesAsync(webhook.WebhookId)).Should().Be(1);
        _logs.Lines.Should().Contain(line => line.Contains($"reported incident {incident.Id}", StringComparison.Ordinal))
            .And.NotContain(line => line.Contains("Checkout", StringComparison.Ordinal) || line.Contains("sha256=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_field_a_tool_may_send_is_read()
    {
        var (url, secret, _) = await WebhookAsync();
        const string body = """
            {"title":"Release rolled back","description":"The 4.2 release broke sign-in and was rolled back.","severity":"Critical",
             "occurredAt":"2026-11-23T07:45:00+01:00","factors":["competence","openness"],"visibility":"team","source":"ignored"}
            """;

        var (status, _) = await SendAsync(Signed(url, secret, body));

        status.Should().Be(HttpStatusCode.Accepted);
        (await IncidentsAsync()).Single().Should().BeEquivalentTo(new
        {
            Severity = IncidentSeverity.Critical,
            OccurredAt = new DateTimeOffset(2026, 11, 23, 6, 45, 0, TimeSpan.Zero),
            FactorIds = new List<string> { "competence", "openness" },
            Visibility = IncidentVisibility.Team,
            ExternalId = (string?)null,
        });
    }

    [Fact]
    public async Task The_url_and_secret_a_lead_gets_in_the_1to1_chat_work_for_a_tool()
    {
        await _client.PostExpectingRepliesAsync(InTeam(BotInstalled("channel", TeamId)));

        var card = CardOf((await _client.PostExpectingRepliesAsync(PersonalMessage("incident webhook"))).Single());
        var texts = TextOf(card).Split('\n');
        var url = texts.Single(text => text.StartsWith("http://localhost/api/incidents/", StringComparison.Ordinal));
        var secret = texts[Array.IndexOf(texts, "Secret") + 1];
        var (status, _) = await SendAsync(Signed(url, secret, Body));

        status.Should().Be(HttpStatusCode.Accepted);
        (await IncidentsAsync()).Should().ContainSingle();
    }

    [Fact]
    public async Task The_same_incident_sent_again_is_answered_with_the_one_already_stored()
    {
        var (url, secret, _) = await WebhookAsync();
        var (_, first) = await SendAsync(Signed(url, secret, Body));
        _clock.Advance(TimeSpan.FromMinutes(1));

        // A tool retrying signs again, so this is no replay: the external id makes it the same incident.
        var (status, again) = await SendAsync(Signed(url, secret, Body));

        status.Should().Be(HttpStatusCode.OK);
        ((string?)again["incidentId"]).Should().Be((string?)first["incidentId"]);
        (await IncidentsAsync()).Should().ContainSingle();
    }

    [Fact]
    public async Task An_unknown_webhook_is_refused_like_a_bad_signature()
    {
        var (_, secret, _) = await WebhookAsync();
        var unknown = IncidentWebhookSignature.NewWebhookId();

        await ShouldBeRefusedAsync(Signed(IncidentWebhookEndpoint.PathFor(unknown), secret, Body), HttpStatusCode.Unauthorized, IncidentWebhookEndpoint.NotAuthorised, unknown);
        await ShouldBeRefusedAsync(Signed("/api/incidents/not-a-webhook", secret, Body), HttpStatusCode.Unauthorized, IncidentWebhookEndpoint.NotAuthorised, unknown);
    }

    [Fact]
    public async Task A_bad_signature_is_refused()
    {
        var (url, secret, webhook) = await WebhookAsync();
        var request = Signed(url, secret, Body);
        request.Content = new StringContent(Body.Replace("major", "minor", StringComparison.Ordinal), Encoding.UTF8, "application/json");

        await ShouldBeRefusedAsync(request, HttpStatusCode.Unauthorized, IncidentWebhookEndpoint.NotAuthorised, webhook.WebhookId);
    }

    [Fact]
    public async Task After_rotation_the_old_secret_is_refused_and_the_new_one_works()
    {
        var (url, oldSecret, webhook) = await WebhookAsync();
        var rotated = await Webhooks.CreateOrRotateAsync(TeamId, _clock.GetUtcNow(), CancellationToken.None);

        await ShouldBeRefusedAsync(Signed(url, oldSecret, Body), HttpStatusCode.Unauthorized, IncidentWebhookEndpoint.NotAuthorised, webhook.WebhookId);
        var (status, _) = await SendAsync(Signed(url, SecretOf(rotated), Body));

        rotated.WebhookId.Should().Be(webhook.WebhookId, "the URL stays; only the secret changes");
        status.Should().Be(HttpStatusCode.Accepted);
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public async Task A_request_signed_more_than_five_minutes_from_now_is_refused(int minutes)
    {
        var (url, secret, webhook) = await WebhookAsync();

        await ShouldBeRefusedAsync(
            Signed(url, secret, Body, _clock.GetUtcNow().AddMinutes(minutes)), HttpStatusCode.Unauthorized, IncidentWebhookEndpoint.NotAuthorised, webhook.WebhookId);
    }

    [Fact]
    public async Task A_request_without_a_timestamp_or_a_signature_is_refused()
    {
        var (url, secret, webhook) = await WebhookAsync();
        var withoutTimestamp = Signed(url, secret, Body);
        withoutTimestamp.Headers.Remove(IncidentWebhookSignature.TimestampHeader);
        var withoutSignature = Signed(url, secret, Body);
        withoutSignature.Headers.Remove(IncidentWebhookSignature.SignatureHeader);
        var notANumber = Unsigned(url, Body);
        notANumber.Headers.Add(IncidentWebhookSignature.TimestampHeader, "2026-11-23T09:00:00Z");
        notANumber.Headers.Add(IncidentWebhookSignature.SignatureHeader, IncidentWebhookSignature.Sign(secret, "2026-11-23T09:00:00Z", Encoding.UTF8.GetBytes(Body)));

        foreach (var request in new[] { withoutTimestamp, withoutSignature, Unsigned(url, Body), notANumber })
        {
            await ShouldBeRefusedAsync(request, HttpStatusCode.Unauthorized, IncidentWebhookEndpoint.NotAuthorised, webhook.WebhookId);
        }
    }

    [Fact]
    public async Task The_same_signed_request_sent_again_is_refused_as_a_replay()
    {
        var (url, secret, webhook) = await WebhookAsync();
        var timestamp = _clock.GetUtcNow();
        (await SendAsync(Signed(url, secret, Body, timestamp))).Status.Should().Be(HttpStatusCode.Accepted);
        _clock.Advance(TimeSpan.FromMinutes(4));

        var (status, body) = await SendAsync(Signed(url, secret, Body, timestamp));

        status.Should().Be(HttpStatusCode.Unauthorized);
        ((string?)body["error"]).Should().Be(IncidentWebhookEndpoint.NotAuthorised);
        (await IncidentsAsync()).Should().ContainSingle();
        (await RecordedSignaturesAsync(webhook.WebhookId)).Should().Be(1);
        _logs.Lines.Should().Contain(line => line.Contains("replayed signature", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_over_64_KiB_is_refused_whether_or_not_it_says_its_length()
    {
        var (url, secret, webhook) = await WebhookAsync();
        var tooLong = Body[..^1] + new string(' ', (64 * 1024) - Body.Length + 1) + "}";
        Encoding.UTF8.GetByteCount(tooLong).Should().Be((64 * 1024) + 1);
        var chunked = Signed(url, secret, tooLong);
        // Sent in chunks, without Content-Length: the size is only found out by reading.
        chunked.Headers.TransferEncodingChunked = true;

        await ShouldBeRefusedAsync(Signed(url, secret, tooLong), HttpStatusCode.RequestEntityTooLarge, "larger than 64 KiB", webhook.WebhookId);
        await ShouldBeRefusedAsync(chunked, HttpStatusCode.RequestEntityTooLarge, "larger than 64 KiB", webhook.WebhookId);
    }

    [Fact]
    public async Task A_body_of_exactly_64_KiB_is_accepted()
    {
        var (url, secret, _) = await WebhookAsync();
        var atTheLimit = Body[..^1] + new string(' ', (64 * 1024) - Body.Length) + "}";

        (await SendAsync(Signed(url, secret, atTheLimit))).Status.Should().Be(HttpStatusCode.Accepted);
    }

    [Theory]
    [InlineData("{\"title\": \"Checkout is down\"", "The body is not JSON.")]
    [InlineData("[\"Checkout is down\"]", "The body must be a JSON object.")]
    public async Task A_body_that_is_no_json_object_is_refused(string body, string error)
    {
        var (url, secret, webhook) = await WebhookAsync();

        await ShouldBeRefusedAsync(Signed(url, secret, body), HttpStatusCode.BadRequest, error, webhook.WebhookId);
    }

    [Fact]
    public async Task Missing_or_invalid_fields_are_refused_with_every_problem_named()
    {
        var (url, secret, webhook) = await WebhookAsync();
        const string body = """{"description":42,"severity":"sev1","occurredAt":"yesterday","factors":["gossip"],"visibility":"everyone","externalId":7}""";

        var (status, refused) = await SendAsync(Signed(url, secret, body));

        status.Should().Be(HttpStatusCode.BadRequest);
        refused["problems"]!.AsArray().Select(problem => (string?)problem).Should().BeEquivalentTo(
            "\"title\" is required, as a string.",
            "\"description\" is required, as a string.",
            "\"severity\" must be \"minor\", \"major\" or \"critical\".",
            "\"occurredAt\" must be an ISO 8601 date and time, e.g. \"2026-11-23T08:30:00Z\".",
            "\"factors\" must be a list of one or more of \"reliability\", \"competence\", \"openness\", \"care\", \"integrity\", \"safety\".",
            "\"visibility\" must be \"team\" or \"leads\".",
            "\"externalId\" must be a string.");
        ((string?)refused["error"]).Should().StartWith("The incident was not accepted: \"title\" is required");
        (await IncidentsAsync()).Should().BeEmpty();
        (await RecordedSignaturesAsync(webhook.WebhookId)).Should().Be(0, "a refused request does not spend its signature");
    }

    [Fact]
    public async Task Fields_the_incident_rules_refuse_are_named_too()
    {
        var (url, secret, _) = await WebhookAsync();
        var body = $$"""{"title":"{{new string('x', IncidentRules.MaxTitleLength + 1)}}","description":"Down.","severity":"minor","occurredAt":"2026-11-23T10:00:00Z"}""";

        var (status, refused) = await SendAsync(Signed(url, secret, body));

        status.Should().Be(HttpStatusCode.BadRequest);
        var error = (string?)refused["error"];
        error.Should().Contain("The title is 121 characters long").And.Contain("Please say what happened").And.Contain("in the future");
        error.Should().NotContain("xxxxxxxxxx", "the body is never echoed");
        (await IncidentsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Once_the_bot_is_removed_from_the_team_its_webhook_is_refused()
    {
        var (url, secret, webhook) = await WebhookAsync();
        var removed = InTeam(BotInstalled("channel", TeamId));
        removed.Remove("membersAdded");
        removed["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = BotId });
        await _client.PostExpectingRepliesAsync(removed);

        // Refused as an unknown team's, though the webhook is kept for the retention window (a reinstall brings it back).
        await ShouldBeRefusedAsync(Signed(url, secret, Body), HttpStatusCode.Unauthorized, IncidentWebhookEndpoint.NotAuthorised, webhook.WebhookId);
    }

    [Fact]
    public async Task An_unknown_webhook_gets_exactly_the_answer_of_a_bad_signature_whatever_its_body()
    {
        var (url, secret, _) = await WebhookAsync();
        var unknown = IncidentWebhookEndpoint.PathFor(IncidentWebhookSignature.NewWebhookId());
        var tooLong = new string('x', (64 * 1024) + 1);
        var badSignature = Signed(url, secret, Body);
        badSignature.Content = new StringContent(Body.Replace("major", "minor", StringComparison.Ordinal), Encoding.UTF8, "application/json");

        var expected = await RawAsync(badSignature);
        var answers = new[]
        {
            await RawAsync(Signed(unknown, secret, Body)),
            await RawAsync(Signed(unknown, secret, tooLong)),
            await RawAsync(Chunked(Signed(unknown, secret, tooLong))),
            await RawAsync(Signed(unknown, secret, "{\"title\": \"not json")),
            await RawAsync(Signed(unknown, secret, "{\"title\":\"\\ud800\"}")),
            await RawAsync(Unsigned(unknown, Body)),
            await RawAsync(Signed("/api/incidents/not-a-webhook", secret, tooLong)),
        };

        expected.Status.Should().Be(HttpStatusCode.Unauthorized);
        answers.Should().AllSatisfy(answer => answer.Should().Be(expected), "an unknown id is answered as a bad signature, before its body is judged");
        (await IncidentsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task An_unknown_webhook_costs_the_same_storage_calls_as_a_known_one_with_a_bad_signature()
    {
        var (url, secret, _) = await WebhookAsync();
        var badSignature = Signed(url, secret, Body);
        badSignature.Content = new StringContent(Body.Replace("major", "minor", StringComparison.Ordinal), Encoding.UTF8, "application/json");

        var known = await StorageCallsDuringAsync(() => RawAsync(badSignature));
        var unknown = await StorageCallsDuringAsync(() => RawAsync(Signed(IncidentWebhookEndpoint.PathFor(IncidentWebhookSignature.NewWebhookId()), secret, Body)));
        var malformed = await StorageCallsDuringAsync(() => RawAsync(Signed("/api/incidents/not-a-webhook", secret, Body)));

        known.Should().BeGreaterThan(0);
        unknown.Should().Be(known, "timing must not tell which webhook ids exist");
        malformed.Should().Be(known);
    }

    [Fact]
    public async Task A_team_whose_tenant_is_not_served_has_its_webhook_refused_like_an_unknown_one()
    {
        using var host = TrustBotHost.OnAzurite(
            _azurite.ConnectionString, _azurite.UniquePrefix(), extra: new Dictionary<string, string?> { ["Bot:AllowedTenants:0"] = "0b5f5c5e-7d0c-4e1b-9a55-000000000bad" });
        var team = new Team(TeamId, TenantId, "Webhooked", TeamKind.Team, TeamId, ServiceUrl, DateTimeOffset.UtcNow);
        await host.Services.GetRequiredService<ITeamStore>().SaveTeamAsync(team, CancellationToken.None);
        var webhook = await host.Services.GetRequiredService<IIncidentWebhookStore>().CreateOrRotateAsync(TeamId, DateTimeOffset.UtcNow, CancellationToken.None);
        var secret = host.Services.GetRequiredService<IncidentWebhookSignature>().SecretFor(webhook.WebhookId, webhook.Version);
        var timestamp = UnixSeconds(DateTimeOffset.UtcNow);
        using var request = Unsigned(IncidentWebhookEndpoint.PathFor(webhook.WebhookId), Body);
        request.Headers.Add(IncidentWebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(IncidentWebhookSignature.SignatureHeader, IncidentWebhookSignature.Sign(secret, timestamp, Encoding.UTF8.GetBytes(Body)));

        using var response = await host.CreateClient().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Contain(IncidentWebhookEndpoint.NotAuthorised[..40]);
        (await host.Services.GetRequiredService<IIncidentStore>().GetAllAsync(TeamId, CancellationToken.None)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"title":"Checkout is down \ud800","description":"Down.","severity":"major"}""")]
    [InlineData("""{"title":"Checkout is down","description":"Down.","severity":"major","\udc00":"x"}""")]
    [InlineData("""{"title":"Checkout is down","description":"Down.","severity":"major","externalId":"PD-\udbff"}""")]
    public async Task A_lone_surrogate_is_refused_with_400_and_the_signature_is_not_spent(string body)
    {
        var (url, secret, webhook) = await WebhookAsync();
        var timestamp = _clock.GetUtcNow();

        var first = await SendAsync(Signed(url, secret, body, timestamp));
        var again = await SendAsync(Signed(url, secret, body, timestamp));

        first.Status.Should().Be(HttpStatusCode.BadRequest);
        ((string?)first.Body["error"]).Should().Contain("not valid Unicode");
        again.Status.Should().Be(HttpStatusCode.BadRequest, "the same request is judged again, not refused as a replay");
        (await RecordedSignaturesAsync(webhook.WebhookId)).Should().Be(0);
        (await IncidentsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Ten_requests_at_once_with_one_external_id_make_one_incident()
    {
        var (url, secret, _) = await WebhookAsync();

        // Each is signed anew (a tool retrying), so none is a replay; the external id makes them one incident.
        var answers = await Task.WhenAll(Enumerable.Range(1, 10).Select(attempt =>
            SendAsync(Signed(url, secret, Body.Replace("since 08:10.", $"since 08:10 (attempt {attempt}).", StringComparison.Ordinal)))));

        var incident = (await IncidentsAsync()).Should().ContainSingle().Subject;
        answers.Select(answer => (string?)answer.Body["incidentId"]).Should().AllBe(incident.Id);
        answers.Count(answer => answer.Status == HttpStatusCode.Accepted).Should().Be(1);
        answers.Count(answer => answer.Status == HttpStatusCode.OK).Should().Be(9);
    }

    [Fact]
    public async Task A_signature_record_is_deleted_once_its_timestamp_window_has_passed()
    {
        var (url, secret, webhook) = await WebhookAsync();
        var signedAt = _clock.GetUtcNow();
        (await SendAsync(Signed(url, secret, Body, signedAt))).Status.Should().Be(HttpStatusCode.Accepted);
        var planner = _host.Services.GetRequiredService<JobPlanner>();

        _clock.Advance(IncidentWebhookSignature.Window);
        await planner.RunDueJobsAsync(CancellationToken.None);
        var withinTheWindow = await RecordedSignaturesAsync(webhook.WebhookId);
        var replayWithin = await SendAsync(Signed(url, secret, Body, signedAt));
        _clock.Advance(TimeSpan.FromMinutes(2));
        await planner.RunDueJobsAsync(CancellationToken.None);
        var afterTheWindow = await RecordedSignaturesAsync(webhook.WebhookId);
        var replayAfter = await SendAsync(Signed(url, secret, Body, signedAt));

        withinTheWindow.Should().Be(1, "while the timestamp is accepted, the record is what stops a replay");
        replayWithin.Status.Should().Be(HttpStatusCode.Unauthorized);
        afterTheWindow.Should().Be(0);
        replayAfter.Status.Should().Be(HttpStatusCode.Unauthorized, "the timestamp check refuses it now");
        (await IncidentsAsync()).Should().ContainSingle();
    }

    // Counts this host's storage requests (its tables carry its prefix) while the action runs.
    private async Task<int> StorageCallsDuringAsync(Func<Task> action)
    {
        var calls = 0;
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("url.full") is string called && called.Contains(_prefix, StringComparison.OrdinalIgnoreCase))
                {
                    Interlocked.Increment(ref calls);
                }
            },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        await action();
        return calls;
    }

    private static HttpRequestMessage Chunked(HttpRequestMessage request)
    {
        request.Headers.TransferEncodingChunked = true;
        return request;
    }

    // Status, media type and body exactly as sent, for "the same answer".
    private async Task<(HttpStatusCode Status, string? MediaType, string Body)> RawAsync(HttpRequestMessage request)
    {
        using (request)
        using (var response = await _client.SendAsync(request))
        {
            return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>Every log line the host writes, formatted, for "what does the log say (and not say)".</summary>
    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => [.. _lines];

        public ILogger CreateLogger(string categoryName) => new Logger(_lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception));
        }
    }
}
