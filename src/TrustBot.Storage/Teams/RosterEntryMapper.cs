using Azure.Data.Tables;
using TrustBot.Domain.Teams;

namespace TrustBot.Storage.Teams;

/// <summary>
/// A <see cref="RosterEntry"/> is the row <c>Encode(memberId)</c> of the team's partition in
/// <c>Rosters</c>; it carries the member's id as <see cref="TableRegistration.MemberKeyProperty"/>.
/// The member's fields and the unreachable mark are written by different operations, each a merge
/// of only its own properties, so a roster sync never wipes a mark and a mark never needs a read.
/// </summary>
/// <remarks>
/// A merge cannot remove a property (the service ignores null values), so reachability is the
/// flag <see cref="UnreachableProperty"/>, which a merge can set back to false; the date beside it
/// only counts while the flag is set.
/// </remarks>
internal static class RosterEntryMapper
{
    /// <summary>Whether the bot cannot reach the member (set with the date, cleared alone).</summary>
    public const string UnreachableProperty = "Unreachable";

    /// <summary>The member's properties only: merging it adds or updates them and keeps any mark.</summary>
    public static TableEntity MemberEntity(string teamId, RosterMember member) => new(TableKey.Encode(teamId), TableKey.Encode(member.MemberId))
    {
        [nameof(RosterMember.UserId)] = member.UserId,
        // Null is not sent in a merge, so a member added without a name keeps the one stored.
        [nameof(RosterMember.Name)] = member.Name,
        [TableRegistration.MemberKeyProperty] = member.MemberId,
    };

    /// <summary>The mark only: the member is unreachable since <paramref name="since"/>.</summary>
    public static TableEntity UnreachableEntity(string teamId, string memberId, DateTimeOffset since) => new(TableKey.Encode(teamId), TableKey.Encode(memberId))
    {
        [UnreachableProperty] = true,
        [nameof(RosterEntry.UnreachableSince)] = since,
    };

    /// <summary>The mark cleared.</summary>
    public static TableEntity ReachableEntity(string teamId, string memberId) => new(TableKey.Encode(teamId), TableKey.Encode(memberId))
    {
        [UnreachableProperty] = false,
    };

    /// <summary>The entry a stored row holds.</summary>
    public static RosterEntry FromEntity(TableEntity entity) => new(
        new RosterMember(
            TableKey.Decode(entity.RowKey),
            entity.RequiredString(nameof(RosterMember.UserId)),
            entity.GetString(nameof(RosterMember.Name))),
        entity.GetBoolean(UnreachableProperty) == true ? entity.RequiredDateTimeOffset(nameof(RosterEntry.UnreachableSince)) : null);
}
