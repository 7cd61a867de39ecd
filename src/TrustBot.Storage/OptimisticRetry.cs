namespace TrustBot.Storage;

/// <summary>
/// Runs a read-modify-write that can lose a race (a <see cref="StorageConflict"/>) and tries it once
/// more from a fresh read. Losing twice in a row means heavy contention: the caller is told, never
/// left with a silently dropped write.
/// </summary>
internal static class OptimisticRetry
{
    private const int Attempts = 2;

    /// <param name="attempt">Reads, writes, and returns the conflict it lost to, or null when its write happened.</param>
    /// <param name="what">What is being written, for the error.</param>
    /// <param name="cancellationToken">Cancels the attempts.</param>
    public static async Task RunAsync(Func<CancellationToken, Task<StorageConflict?>> attempt, string what, CancellationToken cancellationToken)
    {
        StorageConflict? conflict = null;
        for (var i = 0; i < Attempts; i++)
        {
            conflict = await attempt(cancellationToken).ConfigureAwait(false);
            if (conflict is null)
            {
                return;
            }
        }

        throw new InvalidOperationException($"Writing {what} lost {Attempts} races in a row (last: {conflict}); try again.");
    }
}
