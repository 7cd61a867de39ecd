using System.Net.Http.Headers;
using TrustBot.Dashboard;
using TrustBot.Domain.Teams;
using TrustBot.Tests.Pulse;
using static TrustBot.Tests.Pulse.PulseTestbed;

namespace TrustBot.Tests.Dashboard;

/// <summary>What the dashboard tests do: run pulses through the bot as members would, then ask the tab as someone.</summary>
internal static class DashboardSteps
{
    /// <summary>A fifth member, so that a pulse can reach the comment threshold (5).</summary>
    public static readonly RosterMember Joni = new("aad-joni-0005", "29:1joni", "Joni Sherman");

    /// <summary>Someone TrustBot has never seen on any team.</summary>
    public const string Stranger = "aad-stranger-0099";

    /// <summary>The lead starts a pulse in the channel, the members answer (each with a comment naming their score), the lead closes it.</summary>
    public static async Task ClosedPulseAsync(this PulseTestbed bed, params (RosterMember Member, int Point)[] answers)
    {
        await bed.SayInChannelAsync(Lead, "start pulse");
        foreach (var (member, point) in answers)
        {
            await bed.ClickAsync(member, "pulse.submit", Answer(bed.CardsSentTo(member)[^1], point, comment: $"comment scored {point}"));
        }

        await bed.SayInChannelAsync(Lead, "close pulse");
        // The next pulse closes a day later, so that each has a day of its own on the charts.
        bed.Clock.Advance(TimeSpan.FromDays(7));
    }

    /// <summary>GET a dashboard path signed in with the Development stand-in as <paramref name="memberId"/> (none when null).</summary>
    public static Task<HttpResponseMessage> GetAsAsync(this HttpClient client, string? memberId, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (memberId is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(DevelopmentStandIn.SchemeName, memberId);
        }

        return client.SendAsync(request);
    }
}
