using Microsoft.Extensions.DependencyInjection;
using TrustBot.Domain.Questions;
using TrustBot.Storage.Questions;

namespace TrustBot.Storage;

/// <summary>Registers the table-backed <see cref="ITeamQuestionStore"/>.</summary>
public static class TeamQuestionStoreRegistration
{
    /// <summary>
    /// Registers the <c>TeamQuestions</c> table (it names no member, so "forget me" need not search it;
    /// team deletion removes the team's partition) and <see cref="TableTeamQuestionStore"/> as a singleton.
    /// Call with <see cref="StorageServiceCollectionExtensions.AddTrustBotStorage"/>.
    /// </summary>
    public static IServiceCollection AddTrustBotTeamQuestionStore(this IServiceCollection services)
    {
        services.AddTrustBotTable(TableTeamQuestionStore.TableName);
        services.AddSingleton<ITeamQuestionStore, TableTeamQuestionStore>();
        return services;
    }
}
