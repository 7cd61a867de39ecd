using Microsoft.Extensions.Options;

namespace TrustBot.Bot;

/// <summary>
/// The bot's identity as the Bot Framework SDK reads it from the root of configuration. With no
/// <see cref="MicrosoftAppId"/> the SDK authenticates nothing, which only Development may do: anywhere
/// else the host refuses to start (see <see cref="BotCredentialsCheck"/>).
/// </summary>
public sealed class BotCredentials
{
    /// <summary><c>UserAssignedMSI</c>, <c>SingleTenant</c> or <c>MultiTenant</c> (the SDK's default when empty).</summary>
    public string? MicrosoftAppType { get; set; }

    /// <summary>The client id of the bot's Entra app registration or managed identity.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The app registration's client secret (<c>SingleTenant</c>, <c>MultiTenant</c>).</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The tenant of the app registration or managed identity (<c>SingleTenant</c>, <c>UserAssignedMSI</c>).</summary>
    public string? MicrosoftAppTenantId { get; set; }
}

/// <summary>
/// Checks <see cref="BotCredentials"/> when the host starts: outside Development every request must
/// be authenticated, so a missing app id stops the host with one message that says what to set.
/// </summary>
public sealed class BotCredentialsCheck(IHostEnvironment environment) : IValidateOptions<BotCredentials>
{
    private const string What =
        "Set MicrosoftAppType (UserAssignedMSI, SingleTenant or MultiTenant), MicrosoftAppId (the bot's client id), " +
        "MicrosoftAppTenantId (for UserAssignedMSI and SingleTenant) and MicrosoftAppPassword (for SingleTenant and MultiTenant); " +
        "see README, Deploy to Azure. Only ASPNETCORE_ENVIRONMENT=Development runs without them, for the Agents Playground.";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BotCredentials options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.MicrosoftAppId))
        {
            return environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"TrustBot will not start in the {environment.EnvironmentName} environment without MicrosoftAppId: it would answer unauthenticated requests. {What}");
        }

        // What each app type needs besides the id, the SDK checks itself when the host starts.
        return ValidateOptionsResult.Success;
    }
}
