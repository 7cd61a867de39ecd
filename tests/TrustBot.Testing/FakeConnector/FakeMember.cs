using System.Globalization;
using Newtonsoft.Json.Linq;

namespace TrustBot.Testing;

/// <summary>A member of a team's roster, as the fake connector's <c>pagedmembers</c> serves it.</summary>
/// <param name="UserId">The Teams user id ("29:…"), which the bot sends to.</param>
/// <param name="AadObjectId">The Entra ID object id.</param>
/// <param name="Name">The display name.</param>
public sealed record FakeMember(string UserId, string AadObjectId, string Name)
{
    /// <summary>Member number <paramref name="number"/> of a generated roster: "29:member-0042", "Member 42", a matching object id.</summary>
    public static FakeMember Numbered(int number) => new(
        "29:member-" + number.ToString("D4", CultureInfo.InvariantCulture),
        "00000000-0000-0000-0000-" + number.ToString("D12", CultureInfo.InvariantCulture),
        "Member " + number.ToString(CultureInfo.InvariantCulture));

    /// <summary>A roster of <paramref name="count"/> generated members, numbered from 1.</summary>
    public static IReadOnlyList<FakeMember> Roster(int count) => [.. Enumerable.Range(1, count).Select(Numbered)];

    /// <summary>The member as Teams serves it (a TeamsChannelAccount).</summary>
    internal JObject ToJson(string tenantId)
    {
        var principalName = AadObjectId + "@fake.test";
        return new JObject
        {
            ["id"] = UserId,
            ["name"] = Name,
            ["aadObjectId"] = AadObjectId,
            ["objectId"] = AadObjectId,
            ["userPrincipalName"] = principalName,
            ["email"] = principalName,
            ["tenantId"] = tenantId,
            ["userRole"] = "user",
        };
    }
}
