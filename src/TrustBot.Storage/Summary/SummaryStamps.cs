using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TrustBot.Storage.Teams;

namespace TrustBot.Storage.Summary;

/// <summary>
/// The team's summary stamp: a random value on the team's row in <c>Teams</c> (property
/// <see cref="Property"/>), replaced after every write that changes what the team's summary is built
/// from (a run's roll-up, actions, incidents, observations, the charter, the roster and its change
/// log). It is read with the team (<see cref="Domain.Teams.Team.SummaryStamp"/>), so a summary kept
/// under one stamp is known to hold until the stamp changes, at no extra read. It says when
/// something changed, never what or by whom: none of those writes concerns a pulse answer.
/// </summary>
internal sealed class SummaryStamps(StorageTables tables)
{
    /// <summary>The stamp's property on the team's row; the team mapper never writes it, so saving the team (a reinstall, a new name) clears it, which is a change too.</summary>
    public const string Property = "SummaryStamp";

    private readonly StorageTable _teams = tables.Get(TableTeamStore.TeamsTable);

    /// <summary>Gives the team a new stamp; a team not (or no longer) stored has none to change, and gets no row of a stamp alone.</summary>
    public async Task ChangeAsync(string teamId, CancellationToken cancellationToken)
    {
        var stamp = new TableEntity(TableKey.Encode(teamId), TeamMapper.RowKey) { [Property] = Guid.NewGuid().ToString("N") };
        var result = await _teams.SubmitBatchAsync([new TableTransactionAction(TableTransactionActionType.UpdateMerge, stamp, ETag.All)], cancellationToken).ConfigureAwait(false);
        if (result.Error is { } error)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        }
    }
}

/// <summary>Registers the table the stamps live in, for the stores that change them.</summary>
internal static class SummaryStampRegistration
{
    /// <summary>Registers <c>Teams</c> (registering it twice is harmless).</summary>
    public static IServiceCollection AddSummaryStampTable(this IServiceCollection services) => services.AddTrustBotTable(TableTeamStore.TeamsTable);
}
