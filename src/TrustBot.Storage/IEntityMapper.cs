using Azure.Data.Tables;

namespace TrustBot.Storage;

/// <summary>
/// Maps a domain record to a table entity and back. The record stays free of storage types; the
/// mapper sets the keys (with <see cref="TableKey.Encode"/>) and one property per field, and reads
/// them back. The ETag travels beside the record in <see cref="Stored{T}"/>.
/// </summary>
/// <typeparam name="T">The domain record.</typeparam>
public interface IEntityMapper<T>
{
    /// <summary>The entity that stores the record; its ETag is left for the table to set.</summary>
    TableEntity ToEntity(T record);

    /// <summary>The record an entity stores.</summary>
    T FromEntity(TableEntity entity);
}

/// <summary>A record as read from storage, with the ETag a later conditional write must match.</summary>
/// <param name="Value">The record.</param>
/// <param name="ETag">The entity's ETag when it was read or last written.</param>
/// <typeparam name="T">The domain record.</typeparam>
public sealed record Stored<T>(T Value, Azure.ETag ETag);
