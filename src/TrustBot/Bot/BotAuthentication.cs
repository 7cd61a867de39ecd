using System.Security.Claims;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Microsoft.Rest.Serialization;
using Newtonsoft.Json.Serialization;

namespace TrustBot.Bot;

/// <summary>
/// Bot Framework authentication from configuration (<c>MicrosoftAppType</c>, <c>MicrosoftAppId</c>,
/// …), then <see cref="BotAccessOptions"/>: once the request's token is valid, an activity from
/// another channel than Teams or from a tenant the deployment does not serve is refused before any
/// turn runs (<see cref="ActivityRefusedException"/>). Checking after the token means a stranger
/// without one learns nothing about which tenants are served: they get 401 whatever they send.
/// </summary>
/// <remarks>
/// Its connector clients share one JSON contract resolver. The SDK builds a new client, and with it a
/// new resolver, for every proactive call, so each send re-reflected the activity types: about three
/// quarters of a fan-out's CPU. The resolver caches contracts thread-safely and holds no per-client
/// state, so one serves all.
/// </remarks>
public sealed class BotAuthentication(IConfiguration configuration, IHttpClientFactory httpClientFactory, IOptions<BotAccessOptions> access)
    : ConfigurationBotFrameworkAuthentication(configuration, httpClientFactory: httpClientFactory)
{
    /// <inheritdoc />
    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        var result = await base.AuthenticateRequestAsync(activity, authHeader, cancellationToken).ConfigureAwait(false);
        if (access.Value.RefusalOf(activity) is { } refusal)
        {
            throw refusal;
        }

        return result;
    }

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
