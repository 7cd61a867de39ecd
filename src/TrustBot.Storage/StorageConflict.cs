using Azure;

namespace TrustBot.Storage;

/// <summary>Why a conditional write lost against another writer.</summary>
public enum StorageConflictKind
{
    /// <summary>Insert of a key that exists already (HTTP 409).</summary>
    AlreadyExists,

    /// <summary>The entity changed since it was read: its ETag no longer matches (HTTP 412).</summary>
    Changed,

    /// <summary>The entity was deleted since it was read (HTTP 404 on a conditional replace).</summary>
    Missing,
}

/// <summary>
/// A write that did not happen because another writer got there first. Not an error of the
/// storage: the caller re-reads and retries, or reports it to the user.
/// </summary>
/// <param name="Kind">What kind of conflict.</param>
/// <param name="PartitionKey">The stored partition key of the entity written.</param>
/// <param name="RowKey">The stored row key of the entity written.</param>
public sealed record StorageConflict(StorageConflictKind Kind, string PartitionKey, string RowKey)
{
    /// <summary>The conflict a failed write reports, or null when the failure is not a conflict.</summary>
    internal static StorageConflict? From(RequestFailedException failure, string partitionKey, string rowKey) => failure.Status switch
    {
        409 when failure.ErrorCode != "TableAlreadyExists" => new StorageConflict(StorageConflictKind.AlreadyExists, partitionKey, rowKey),
        412 => new StorageConflict(StorageConflictKind.Changed, partitionKey, rowKey),
        // A missing table is a deployment fault, not a lost race.
        404 when failure.ErrorCode != "TableNotFound" => new StorageConflict(StorageConflictKind.Missing, partitionKey, rowKey),
        _ => null,
    };
}
