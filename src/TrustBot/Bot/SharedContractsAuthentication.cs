using System.Security.Claims;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Rest.Serialization;
using Newtonsoft.Json.Serialization;

namespace TrustBot.Bot;

/// <summary>
/// Bot Framework authentication from configuration, whose connector clients share one JSON
/// contract resolver. The SDK builds a new client, and with it a new resolver, for every proactive
/// call, so each send re-reflected the activity types: about three quarters of a fan-out's CPU.
/// The resolver caches contracts thread-safely and holds no per-client state, so one serves all.
/// </summary>
public sealed class SharedContractsAuthentication(IConfiguration configuration, IHttpClientFactory httpClientFactory)
    : ConfigurationBotFrameworkAuthentication(configuration, httpClientFactory: httpClientFactory)
{
    /// <inheritdoc />
    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new SharedContractsFactory(base.CreateConnectorFactory(claimsIdentity));

    private sealed class SharedContractsFactory(ConnectorFactory inner) : ConnectorFactory
    {
        private static readonly IContractResolver Contracts = new ReadOnlyJsonContractResolver();

        public override async Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
        {
            var client = await inner.CreateAsync(serviceUrl, audience, cancellationToken).ConfigureAwait(false);
            if (client is ConnectorClient connector)
            {
                connector.SerializationSettings.ContractResolver = Contracts;
                connector.DeserializationSettings.ContractResolver = Contracts;
            }

            return client;
        }
    }
}
