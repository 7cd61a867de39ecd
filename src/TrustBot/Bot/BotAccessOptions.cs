using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;

namespace TrustBot.Bot;

/// <summary>
/// Who may talk to this deployment (configuration section <c>Bot</c>): Teams only, and, when
/// <see cref="AllowedTenants"/> is set, only those Microsoft Entra tenants.
/// </summary>
public sealed class BotAccessOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Bot";

    /// <summary>
    /// The tenant ids (GUIDs) this deployment serves, e.g. <c>Bot__AllowedTenants__0</c> in app
    /// settings. Empty (the default): every tenant that installs the app. Activities from other
    /// tenants get 403 and incident webhooks of their teams are refused.
    /// </summary>
    public IList<string> AllowedTenants { get; } = [];

    /// <summary>Whether every entry of <see cref="AllowedTenants"/> is a GUID.</summary>
    public bool HasValidTenants() => AllowedTenants.All(tenant => Guid.TryParse(tenant, out _));

    /// <summary>Whether the deployment serves <paramref name="tenantId"/>: always when no list is set.</summary>
    public bool Serves(string? tenantId) =>
        AllowedTenants.Count == 0
        || (Guid.TryParse(tenantId, out var tenant) && AllowedTenants.Any(allowed => Guid.TryParse(allowed, out var served) && served == tenant));

    /// <summary>
    /// Why an authenticated activity must not be processed, or null when it may: it must come from
    /// Teams (<c>channelId</c> <c>msteams</c>) and, with an allow-list, every tenant it names
    /// (<c>conversation.tenantId</c>, <c>channelData.tenant.id</c>) must be on it.
    /// </summary>
    public ActivityRefusedException? RefusalOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!string.Equals(activity.ChannelId, Channels.Msteams, StringComparison.Ordinal))
        {
            return new ActivityRefusedException(
                StatusCodes.Status400BadRequest, "TrustBot works in Microsoft Teams only: the activity's channelId must be \"msteams\".");
        }

        if (AllowedTenants.Count == 0)
        {
            return null;
        }

        TenantInfo? channelTenant;
        try
        {
            channelTenant = activity.GetChannelData<TeamsChannelData>()?.Tenant;
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return new ActivityRefusedException(StatusCodes.Status400BadRequest, "The activity's channelData is not the object Teams sends.");
        }

        string?[] named = [activity.Conversation?.TenantId, channelTenant?.Id];
        var tenants = named.Where(tenant => !string.IsNullOrEmpty(tenant)).ToList();
        return tenants.Count > 0 && tenants.All(Serves)
            ? null
            : new ActivityRefusedException(StatusCodes.Status403Forbidden, "This TrustBot deployment does not serve the activity's tenant.");
    }
}
