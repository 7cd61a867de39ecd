using System.Net;
using TrustBot.Testing;
using TrustBot.Tests.Hosting;

namespace TrustBot.Tests.Bot;

[Collection(AzuriteCollection.Name)]
public sealed class HealthEndpointTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Healthz_and_readyz_are_ok_when_storage_answers()
    {
        using var host = TrustBotHost.OnAzurite(azurite.ConnectionString, azurite.UniquePrefix());
        var client = host.CreateClient();

        (await client.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/readyz")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Readyz_is_unavailable_but_healthz_ok_when_storage_is_unreachable()
    {
        var nothingListens = LoopbackPorts.Free();
        var unreachable = azurite.ConnectionString.Split(';')
            .Select(part => part.StartsWith("TableEndpoint=", StringComparison.Ordinal) ? $"TableEndpoint=http://127.0.0.1:{nothingListens}/devstoreaccount1" : part);
        using var host = new TrustBotHost(TrustBotHost.Settings(string.Join(';', unreachable), azurite.UniquePrefix()));
        var client = host.CreateClient();

        (await client.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/readyz")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }
}
