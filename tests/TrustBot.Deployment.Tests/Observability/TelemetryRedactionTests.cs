using System.Diagnostics;
using TrustBot.Observability;

namespace TrustBot.Deployment.Tests.Observability;

/// <summary>What telemetry keeps of a URL, an attribute, a message or an exception: enough to operate, never who.</summary>
public sealed class TelemetryRedactionTests
{
    [Theory]
    [InlineData(
        "https://127.0.0.1:10002/devstoreaccount1/trustbotPulseInvitations(PartitionKey='run-1',RowKey='run-1%7C0df5f212-27b5-4ee0-b88d-8fba014c24f9')",
        "https://127.0.0.1:10002/devstoreaccount1/trustbotPulseInvitations")]
    [InlineData("https://contoso.table.core.windows.net/trustbotPulseResponses()?$filter=PartitionKey%20eq%20'x'", "https://contoso.table.core.windows.net/trustbotPulseResponses")]
    [InlineData("https://contoso.table.core.windows.net/$batch", "https://contoso.table.core.windows.net/$batch")]
    [InlineData(
        "https://contoso.queue.core.windows.net/trustbot-deliveries/messages/8c1e2f3a-1b2c-4d5e-8f90-123456789abc?popreceipt=AgAAAAMAAAA",
        "https://contoso.queue.core.windows.net/trustbot-deliveries/messages/{id}")]
    [InlineData(
        "https://smba.trafficmanager.net/emea/v3/conversations/a%3A1Hk9xYz-personal/activities/1700000000001",
        "https://smba.trafficmanager.net/emea/v3/conversations/{id}/activities/{id}")]
    [InlineData(
        "https://smba.trafficmanager.net/amer/72f988bf-86f1-41af-91ab-2d7cd011db47/v3/conversations/19%3Aabc%40thread.tacv2/pagedmembers?pageSize=500",
        "https://smba.trafficmanager.net/amer/{id}/v3/conversations/{id}/pagedmembers")]
    [InlineData("https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/v2.0/token", "https://login.microsoftonline.com/{id}/oauth2/{id}/token")]
    [InlineData("/api/incidents/Zm9vYmFyYmF6cXV4", "/api/incidents/{id}")]
    [InlineData("/api/messages", "/api/messages")]
    public void A_url_keeps_its_host_and_resource_names_but_no_key_id_or_query(string url, string redacted) =>
        TelemetryRedaction.Url(url).Should().Be(redacted);

    [Theory]
    [InlineData("http.request.method", "POST", "POST")]
    [InlineData("http.response.status_code", 404, 404)]
    [InlineData("server.address", "contoso.table.core.windows.net", "contoso.table.core.windows.net")]
    [InlineData("trustbot.activity.type", "invoke", "invoke")]
    [InlineData("url.path", "/v3/conversations/29:1abc/activities", "/v3/conversations/{id}/activities")]
    [InlineData("url.query", "?$filter=PartitionKey eq 'team'", null)]
    [InlineData("az.client_request_id", "0df5f212-27b5-4ee0-b88d-8fba014c24f9", null)]
    [InlineData("db.statement", "SELECT * WHERE member = 'x'", null)]
    [InlineData("user_agent.original", "Teams", null)]
    [InlineData("made.up.attribute", "29:1abc", null)]
    public void A_span_attribute_is_kept_redacted_or_dropped(string key, object value, object? exported) =>
        TelemetryRedaction.SpanTag(key, value).Should().Be(exported);

    [Fact]
    public void Free_text_loses_urls_teams_ids_guids_and_message_ids_but_keeps_times()
    {
        var text = "ProcessProactiveAsync for Conversation Id: a:personal-29:1abc at 09:30, member 0df5f212-27b5-4ee0-b88d-8fba014c24f9, "
            + "team 19:abc@thread.tacv2, reply to 1700000000001 via http://127.0.0.1:39499/v3/conversations/19:abc/activities";

        TelemetryRedaction.FreeText(text).Should().Be(
            "ProcessProactiveAsync for Conversation Id: {id} at 09:30, member {id}, team {id}, reply to {id} via http://127.0.0.1:39499/v3/conversations/{id}/activities");
    }

    [Fact]
    public void An_exception_is_exported_as_its_types_and_frames_without_messages()
    {
        var exception = Thrown(() => throw new InvalidOperationException("outer 29:1secret", Thrown(() => throw new ArgumentException("inner RowKey='run|member'"))));

        var shape = TelemetryRedaction.ExceptionShape(exception);

        shape.Should().StartWith("System.InvalidOperationException").And.Contain(" ---> System.ArgumentException").And.Contain(nameof(Thrown));
        shape.Should().NotContain("secret").And.NotContain("RowKey");
        TelemetryRedaction.ExceptionTypes(exception).Should().Be("System.InvalidOperationException ---> System.ArgumentException");
        TelemetryRedaction.StackFrames(exception.ToString()).Should().NotContain("secret").And.NotContain("RowKey").And.Contain("System.ArgumentException");
    }

    [Fact]
    public void The_span_processor_leaves_a_span_with_only_what_operators_need()
    {
        using var span = new Activity("PUT");
        span.Start();
        span.DisplayName = "PUT /devstoreaccount1/trustbotPulseResponses(PartitionKey='r',RowKey='k')";
        span.SetTag("url.full", "https://127.0.0.1:10002/devstoreaccount1/trustbotPulseResponses(PartitionKey='r',RowKey='k')");
        span.SetTag("http.response.status_code", 204);
        span.SetTag("az.service_request_id", "abc");
        span.SetBaggage("member", "29:1abc");
        span.SetStatus(ActivityStatusCode.Error, "Azure.RequestFailedException: RowKey='k' conflict");
        span.Stop();

        new RedactingSpanProcessor().OnEnd(span);

        span.DisplayName.Should().Be("PUT /devstoreaccount1/trustbotPulseResponses");
        span.GetTagItem("url.full").Should().Be("https://127.0.0.1:10002/devstoreaccount1/trustbotPulseResponses");
        span.GetTagItem("http.response.status_code").Should().Be(204);
        span.GetTagItem("az.service_request_id").Should().BeNull();
        span.Baggage.Should().BeEmpty();
        span.Status.Should().Be(ActivityStatusCode.Error);
        span.StatusDescription.Should().BeNull();
    }

    private static Exception Thrown(Action action)
    {
        try
        {
            action();
        }
        catch (Exception caught)
        {
            return caught;
        }

        throw new InvalidOperationException("Nothing was thrown.");
    }
}
