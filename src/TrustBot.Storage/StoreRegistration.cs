using Microsoft.Extensions.DependencyInjection;
using TrustBot.Domain.Actions;
using TrustBot.Domain.Definition;
using TrustBot.Domain.Observations;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Questions;
using TrustBot.Domain.Recovery;
using TrustBot.Domain.Scheduling;
using TrustBot.Domain.Summary;
using TrustBot.Domain.Teams;
using TrustBot.Storage.Actions;
using TrustBot.Storage.Definition;
using TrustBot.Storage.Delivery;
using TrustBot.Storage.Observations;
using TrustBot.Storage.Pulse;
using TrustBot.Storage.Questions;
using TrustBot.Storage.Recovery;
using TrustBot.Storage.Scheduling;
using TrustBot.Storage.Summary;
using TrustBot.Storage.Teams;

namespace TrustBot.Storage;

/// <summary>
/// Registers each feature's table-backed stores and the tables they keep (those with rows about one
/// member as holding member data, for "forget me"), in one place so that what is stored where can be
/// read at a glance. Each feature's <c>Add…()</c> in the host calls the ones it needs; the storage
/// itself comes from <see cref="StorageServiceCollectionExtensions.AddTrustBotStorage"/>.
/// </summary>
public static class StoreRegistration
{
    /// <summary>
    /// Registers the tables of <see cref="TableTeamStore"/>, <see cref="TableTeamRosterStore"/> and <see cref="TablePulseStore"/> (those
    /// with rows about one member as holding member data, for "forget me") and the stores as
    /// singletons. Call after <see cref="StorageServiceCollectionExtensions.AddTrustBotStorage"/>.
    /// </summary>
    public static IServiceCollection AddTrustBotTeamAndPulseStores(this IServiceCollection services)
    {
        services
            .AddTrustBotTable(TableTeamStore.TeamsTable)
            .AddTrustBotTable(TableTeamStore.MembershipsTable, holdsMemberData: true)
            .AddTrustBotTable(TableTeamStore.PersonalChatsTable, holdsMemberData: true)
            .AddTrustBotTable(TableTeamRosterStore.TableName, holdsMemberData: true)
            .AddTrustBotTable(TablePulseStore.RunsTable)
            .AddTrustBotTable(TablePulseStore.InvitationsTable, holdsMemberData: true)
            .AddTrustBotTable(TablePulseStore.ResponsesTable);
        services.AddSingleton<ITeamStore, TableTeamStore>();
        services.AddSingleton<ITeamRosterStore, TableTeamRosterStore>();
        services.AddSingleton<IPulseStore, TablePulseStore>();
        return services;
    }

    /// <summary>
    /// Registers the <c>TeamChanges</c> table (it keeps digests, not member ids, so "forget me" need
    /// not search it; team deletion removes the team's partition) and <see cref="TableTeamChangeStore"/>
    /// as a singleton. Call after <see cref="StorageServiceCollectionExtensions.AddTrustBotStorage"/>.
    /// </summary>
    public static IServiceCollection AddTrustBotTeamChangeStore(this IServiceCollection services)
    {
        services.AddTrustBotTable(TableTeamChangeStore.TableName).AddSummaryStampTable();
        services.AddSingleton<ITeamChangeStore, TableTeamChangeStore>();
        return services;
    }

    /// <summary>
    /// Registers the <c>Schedules</c> table (it names no member, so "forget me" need not search it;
    /// team deletion removes the team's partition) and <see cref="TableTeamScheduleStore"/> as a
    /// singleton; the storage itself comes from <see cref="StorageServiceCollectionExtensions.AddTrustBotStorage"/>.
    /// </summary>
    public static IServiceCollection AddTrustBotScheduleStore(this IServiceCollection services)
    {
        services.AddTrustBotTable(TableTeamScheduleStore.SchedulesTable);
        services.AddSingleton<ITeamScheduleStore, TableTeamScheduleStore>();
        return services;
    }

    /// <summary>
    /// Registers the <c>Jobs</c>, <c>JobFailures</c>, <c>Deliveries</c> and <c>DeliveryFailures</c> tables
    /// (the last two name members, for "forget me"), the <see cref="PendingDeliveries.QueueName"/> queue, and
    /// <see cref="TableJobStore"/>, <see cref="JobFailures"/>, <see cref="PendingDeliveries"/>,
    /// <see cref="DeliveryLedger"/> and <see cref="DeliveryFailures"/> as singletons.
    /// </summary>
    public static IServiceCollection AddTrustBotJobAndDeliveryStorage(this IServiceCollection services)
    {
        services.AddTrustBotTable(TableJobStore.JobsTable);
        services.AddTrustBotTable(JobFailures.FailuresTable);
        services.AddTrustBotTable(DeliveryLedger.DeliveriesTable, holdsMemberData: true);
        services.AddTrustBotTable(DeliveryFailures.FailuresTable, holdsMemberData: true);
        services.AddTrustBotQueue(PendingDeliveries.QueueName);
        services.AddSingleton<IJobStore, TableJobStore>();
        services.AddSingleton<JobFailures>();
        services.AddSingleton<PendingDeliveries>();
        services.AddSingleton<DeliveryLedger>();
        services.AddSingleton<DeliveryFailures>();
        return services;
    }

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

    /// <summary>
    /// Registers the <c>ActionItems</c> table (as holding member data: each row names its owner, for
    /// "forget me") and <see cref="TableActionItemStore"/> as a singleton; the storage itself comes from
    /// <see cref="StorageServiceCollectionExtensions.AddTrustBotStorage"/>.
    /// </summary>
    public static IServiceCollection AddTrustBotActionStore(this IServiceCollection services)
    {
        services.AddTrustBotTable(TableActionItemStore.ActionItemsTable, holdsMemberData: true).AddSummaryStampTable();
        services.AddSingleton<IActionItemStore, TableActionItemStore>();
        return services;
    }

    /// <summary>
    /// Registers the <c>Observations</c> table (as holding member data: each row names the lead who
    /// logged it, for "forget me") and <see cref="TableObservationStore"/> as a singleton; the storage
    /// itself comes from <see cref="StorageServiceCollectionExtensions.AddTrustBotStorage"/>.
    /// </summary>
    public static IServiceCollection AddTrustBotObservationStore(this IServiceCollection services)
    {
        services.AddTrustBotTable(TableObservationStore.ObservationsTable, holdsMemberData: true).AddSummaryStampTable();
        services.AddSingleton<IObservationStore, TableObservationStore>();
        return services;
    }

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

    /// <summary>
    /// Registers the <c>Incidents</c> table (as holding member data: each row names the member who
    /// declared it, for "forget me") and <see cref="TableIncidentStore"/> as a singleton; the storage
    /// itself comes from <see cref="StorageServiceCollectionExtensions.AddTrustBotStorage"/>.
    /// </summary>
    public static IServiceCollection AddTrustBotIncidentStore(this IServiceCollection services)
    {
        services.AddTrustBotTable(TableIncidentStore.IncidentsTable, holdsMemberData: true).AddSummaryStampTable();
        services.AddSingleton<IIncidentStore, TableIncidentStore>();
        return services;
    }

    /// <summary>
    /// Registers the <c>IncidentWebhooks</c> and <c>WebhookReplays</c> tables (they name no member, so
    /// "forget me" need not search them; team deletion removes the team's webhook row) and
    /// <see cref="TableIncidentWebhookStore"/> as a singleton; the storage itself comes from
    /// <see cref="StorageServiceCollectionExtensions.AddTrustBotStorage"/>.
    /// </summary>
    public static IServiceCollection AddTrustBotIncidentWebhookStore(this IServiceCollection services)
    {
        services.AddTrustBotTable(TableIncidentWebhookStore.WebhooksTable);
        services.AddTrustBotTable(TableIncidentWebhookStore.ReplaysTable);
        services.AddSingleton<IIncidentWebhookStore, TableIncidentWebhookStore>();
        return services;
    }

    /// <summary>Registers the <c>ResultsReleases</c> table and <see cref="TableResultsReleaseStore"/> as a singleton.</summary>
    public static IServiceCollection AddTrustBotResultsReleaseStore(this IServiceCollection services)
    {
        services.AddTrustBotTable(TableResultsReleaseStore.TableName);
        services.AddSingleton<IResultsReleaseStore, TableResultsReleaseStore>();
        return services;
    }
}
