using Microsoft.Extensions.DependencyInjection;
using TrustBot.Domain.Definition;

using TrustBot.Storage.Summary;

namespace TrustBot.Storage.Definition;

/// <summary>Registers the table-backed stores of stage 2: proposals, votes, ballots and charters.</summary>
public static class DefinitionStoreRegistration
{
    /// <summary>
    /// Registers <c>TrustProposals</c> and <c>TrustBallots</c> (as holding member data: named authors
    /// and voters, for "forget me"), <c>TrustVotes</c> and <c>TrustCharters</c>, and the stores
    /// <see cref="TableTrustVoteStore"/> and <see cref="TableTrustCharterStore"/> as singletons.
    /// </summary>
    public static IServiceCollection AddTrustBotDefinitionStores(this IServiceCollection services)
    {
        services.AddTrustBotTable(TableTrustVoteStore.ProposalsTable, holdsMemberData: true);
        services.AddTrustBotTable(TableTrustVoteStore.VotesTable);
        services.AddTrustBotTable(TableTrustVoteStore.BallotsTable, holdsMemberData: true);
        services.AddTrustBotTable(TableTrustCharterStore.TableName).AddSummaryStampTable();
        services.AddSingleton<ITrustVoteStore, TableTrustVoteStore>();
        services.AddSingleton<ITrustCharterStore, TableTrustCharterStore>();
        return services;
    }
}
