namespace TrustBot.Storage;

/// <summary>
/// The outcome of <see cref="StorageTable.SubmitBatchAsync"/>. A batch is written in chunks of at
/// most 100 actions; each chunk is atomic, and the first chunk that fails stops the sequence.
/// </summary>
/// <param name="CommittedChunks">Chunks written completely, in order; the actions of later chunks were not attempted or rolled back.</param>
/// <param name="TotalChunks">Chunks the batch was split into.</param>
/// <param name="Conflict">The conflict that failed a chunk (an insert of an existing key, a stale ETag), if any.</param>
/// <param name="Error">Any other failure of a chunk, e.g. <see cref="StorageUnavailableException"/>, if any.</param>
public sealed record BatchResult(int CommittedChunks, int TotalChunks, StorageConflict? Conflict = null, Exception? Error = null)
{
    /// <summary>Whether every chunk was written.</summary>
    public bool Succeeded => CommittedChunks == TotalChunks;
}
