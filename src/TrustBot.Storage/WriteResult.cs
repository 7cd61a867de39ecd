using Azure;

namespace TrustBot.Storage;

/// <summary>The outcome of a conditional write: the new ETag, or the conflict that prevented it.</summary>
public sealed record WriteResult
{
    private WriteResult(ETag eTag, StorageConflict? conflict)
    {
        ETag = eTag;
        Conflict = conflict;
    }

    /// <summary>The entity's ETag after the write; default when the write was a delete or lost.</summary>
    public ETag ETag { get; }

    /// <summary>Why the write did not happen; null when it did.</summary>
    public StorageConflict? Conflict { get; }

    /// <summary>Whether the write happened.</summary>
    public bool Succeeded => Conflict is null;

    /// <summary>A write that happened.</summary>
    public static WriteResult Written(ETag eTag) => new(eTag, null);

    /// <summary>A write that lost against another writer.</summary>
    public static WriteResult Lost(StorageConflict conflict) => new(default, conflict);
}
