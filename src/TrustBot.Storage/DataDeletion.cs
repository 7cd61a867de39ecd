using Azure;
using Azure.Data.Tables;

namespace TrustBot.Storage;

/// <summary>
/// Deletes the data of a team (when the bot is uninstalled) or of one member (a "forget me")
/// from every registered table, in single-partition batches.
/// </summary>
/// <remarks>
/// Both operations are idempotent: when one stops part-way (storage unavailable, an entity deleted
/// concurrently), it throws, and running it again finishes the job.
/// </remarks>
public sealed class DataDeletion
{
    private readonly StorageTables _tables;

    /// <summary>Deletes from the registered tables.</summary>
    public DataDeletion(StorageTables tables) => _tables = tables ?? throw new ArgumentNullException(nameof(tables));

    /// <summary>Deletes the team's partition in every registered table; returns how many entities went.</summary>
    public Task<int> DeleteTeamAsync(string teamId, CancellationToken cancellationToken = default)
    {
        var partitionKey = TableKey.Encode(teamId);
        return DeleteMatchingAsync(_tables.Registered, TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"), cancellationToken);
    }

    /// <summary>
    /// Deletes every entity whose <see cref="TableRegistration.MemberKeyProperty"/> is the member's id,
    /// in the tables registered as holding member data, across all teams; returns how many went.
    /// </summary>
    public Task<int> ForgetMemberAsync(string memberId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        return DeleteMatchingAsync(
            _tables.Registered.Where(registration => registration.HoldsMemberData),
            // The property name is not a value: only the id goes through the quoting of CreateQueryFilter.
            $"{TableRegistration.MemberKeyProperty} eq {TableClient.CreateQueryFilter($"{memberId}")}",
            cancellationToken);
    }

    private async Task<int> DeleteMatchingAsync(IEnumerable<TableRegistration> registrations, string filter, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var registration in registrations)
        {
            deleted += await _tables.Get(registration.Name).DeleteMatchingAsync(filter, cancellationToken).ConfigureAwait(false);
        }

        return deleted;
    }
}
