using Azure.Data.Tables;
using TrustBot.Domain.Recovery;
using TrustBot.Storage.Pulse;

namespace TrustBot.Storage.Recovery;

/// <summary>
/// An <see cref="Incident"/> is the row of its id in the team's partition of <c>Incidents</c>. The
/// declaring member is carried as <see cref="TableRegistration.MemberKeyProperty"/>, so that "forget
/// me" finds what they declared; an incident tool's incident has none.
/// </summary>
internal sealed class IncidentMapper : IEntityMapper<Incident>
{
    public TableEntity ToEntity(Incident record) => new(TableKey.Encode(record.TeamId), TableKey.Encode(record.Id))
    {
        [nameof(Incident.Title)] = record.Title,
        [nameof(Incident.WhatHappened)] = StringProperty.Fit(record.WhatHappened, nameof(Incident.WhatHappened)),
        [nameof(Incident.Severity)] = record.Severity.ToString(),
        [nameof(Incident.OccurredAt)] = record.OccurredAt,
        [nameof(Incident.FactorIds)] = StringProperty.ToJson(record.FactorIds, nameof(Incident.FactorIds)),
        [nameof(Incident.Visibility)] = record.Visibility.ToString(),
        [nameof(Incident.Source)] = record.Source.ToString(),
        [TableRegistration.MemberKeyProperty] = record.DeclaredBy,
        [nameof(Incident.DeclaredByName)] = record.DeclaredByName,
        [nameof(Incident.DeclaredAt)] = record.DeclaredAt,
        [nameof(Incident.State)] = record.State.ToString(),
        [nameof(Incident.AcceptedAt)] = record.AcceptedAt,
        [nameof(Incident.ClosedAt)] = record.ClosedAt,
        // Step names, not numbers: names survive a reordering of the enum.
        [nameof(Incident.Plan)] = StringProperty.ToJson(record.Plan.Select(step => step.ToString()), nameof(Incident.Plan)),
        [nameof(Incident.ExternalId)] = record.ExternalId,
    };

    public Incident FromEntity(TableEntity entity) => new(
        TableKey.Decode(entity.PartitionKey),
        TableKey.Decode(entity.RowKey),
        entity.RequiredString(nameof(Incident.Title)),
        entity.RequiredString(nameof(Incident.WhatHappened)),
        entity.RequiredEnum<IncidentSeverity>(nameof(Incident.Severity)),
        entity.RequiredDateTimeOffset(nameof(Incident.OccurredAt)),
        entity.FromJson<List<string>>(nameof(Incident.FactorIds)),
        entity.RequiredEnum<IncidentVisibility>(nameof(Incident.Visibility)),
        entity.RequiredEnum<IncidentSource>(nameof(Incident.Source)),
        entity.GetString(TableRegistration.MemberKeyProperty),
        entity.GetString(nameof(Incident.DeclaredByName)),
        entity.RequiredDateTimeOffset(nameof(Incident.DeclaredAt)),
        entity.RequiredEnum<IncidentState>(nameof(Incident.State)),
        entity.GetDateTimeOffset(nameof(Incident.AcceptedAt)),
        entity.GetDateTimeOffset(nameof(Incident.ClosedAt)),
        ReadPlan(entity),
        entity.GetString(nameof(Incident.ExternalId)));

    private static List<RecoveryStep> ReadPlan(TableEntity entity) =>
        [.. entity.FromJson<List<string>>(nameof(Incident.Plan)).Select(name =>
            Enum.TryParse<RecoveryStep>(name, ignoreCase: false, out var step) && Enum.IsDefined(step) && !char.IsAsciiDigit(name[0])
                ? step
                : throw new InvalidDataException($"Property {nameof(Incident.Plan)} of entity ({entity.PartitionKey}, {entity.RowKey}) names '{name}', not a {nameof(RecoveryStep)}."))];
}
