using Azure.Data.Tables;
using TrustBot.Domain.Teams;

namespace TrustBot.Storage.Teams;

/// <summary>
/// A <see cref="PersonalChat"/> is the one row <see cref="RowKey"/> of the member's partition in
/// <c>PersonalChats</c>; it carries the member's id as <see cref="TableRegistration.MemberKeyProperty"/>.
/// </summary>
internal sealed class PersonalChatMapper : IEntityMapper<PersonalChat>
{
    /// <summary>The row key of the member's chat row.</summary>
    public const string RowKey = "chat";

    public TableEntity ToEntity(PersonalChat record) => new(TableKey.Encode(record.MemberId), RowKey)
    {
        [nameof(PersonalChat.TenantId)] = record.TenantId,
        [nameof(PersonalChat.UserId)] = record.UserId,
        [nameof(PersonalChat.ConversationId)] = record.ConversationId,
        [nameof(PersonalChat.ServiceUrl)] = record.ServiceUrl,
        [nameof(PersonalChat.TimeZoneId)] = record.TimeZoneId,
        [TableRegistration.MemberKeyProperty] = record.MemberId,
    };

    public PersonalChat FromEntity(TableEntity entity) => new(
        TableKey.Decode(entity.PartitionKey),
        entity.RequiredString(nameof(PersonalChat.TenantId)),
        entity.RequiredString(nameof(PersonalChat.UserId)),
        entity.RequiredString(nameof(PersonalChat.ConversationId)),
        entity.RequiredString(nameof(PersonalChat.ServiceUrl)),
        entity.GetString(nameof(PersonalChat.TimeZoneId)));
}
