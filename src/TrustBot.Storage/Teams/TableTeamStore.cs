using Azure;
using Azure.Data.Tables;
using TrustBot.Domain.Teams;

namespace TrustBot.Storage.Teams;

/// <summary>
/// <see cref="ITeamStore"/> over three tables: <c>Teams</c> (partition = team), and
/// <c>Memberships</c> and <c>PersonalChats</c> (partition = member, since they are read for the
/// person talking to the bot). See docs/storage.md.
/// </summary>
public sealed class TableTeamStore : ITeamStore
{
    internal const string TeamsTable = "Teams";
    internal const string MembershipsTable = "Memberships";
    internal const string PersonalChatsTable = "PersonalChats";

    private readonly StorageTable _teamTable;
    private readonly TeamMapper _teamMapper = new();
    private readonly RecordTable<Team> _teams;
    private readonly RecordTable<Membership> _memberships;
    private readonly RecordTable<PersonalChat> _chats;
    private readonly StorageTable _membershipTable;
    private readonly StorageTable _chatTable;
    private readonly MembershipMapper _membershipMapper = new();
    private readonly PersonalChatMapper _chatMapper = new();

    /// <summary>Uses the registered <c>Teams</c>, <c>Memberships</c> and <c>PersonalChats</c> tables.</summary>
    public TableTeamStore(StorageTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _membershipTable = tables.Get(MembershipsTable);
        _chatTable = tables.Get(PersonalChatsTable);
        _teamTable = tables.Get(TeamsTable);
        _teams = new RecordTable<Team>(_teamTable, _teamMapper);
        _memberships = new RecordTable<Membership>(_membershipTable, _membershipMapper);
        _chats = new RecordTable<PersonalChat>(_chatTable, _chatMapper);
    }

    /// <inheritdoc />
    public Task SaveTeamAsync(Team team, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        return OptimisticRetry.RunAsync(token => InsertOrReplaceKeepingInstalledAtAsync(team, token), $"team {team.Id}", cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Team?> GetTeamAsync(string teamId, CancellationToken cancellationToken) =>
        await GetTeamEntityAsync(teamId, cancellationToken).ConfigureAwait(false) is { } entity && UninstalledAtOf(entity) is null
            ? _teamMapper.FromEntity(entity)
            : null;

    /// <inheritdoc />
    public async Task<DateTimeOffset?> MarkUninstalledAsync(string teamId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        DateTimeOffset? marked = null;
        await OptimisticRetry.RunAsync(
            async token =>
            {
                marked = null;
                if (await GetTeamEntityAsync(teamId, token).ConfigureAwait(false) is not { } entity)
                {
                    return null;
                }

                if (UninstalledAtOf(entity) is { } earlier)
                {
                    marked = earlier;
                    return null;
                }

                entity[TeamMapper.UninstalledAtProperty] = at;
                var written = await _teamTable.ReplaceAsync(entity, token).ConfigureAwait(false);
                marked = at;
                return written.Conflict;
            },
            $"the removal of team {teamId}",
            cancellationToken).ConfigureAwait(false);
        return marked;
    }

    /// <inheritdoc />
    public async Task<DateTimeOffset?> GetUninstalledAtAsync(string teamId, CancellationToken cancellationToken) =>
        await GetTeamEntityAsync(teamId, cancellationToken).ConfigureAwait(false) is { } entity ? UninstalledAtOf(entity) : null;

    /// <inheritdoc />
    public Task SaveMembershipAsync(Membership membership, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membership);
        return _membershipTable.UpsertAsync(_membershipMapper.ToEntity(membership), cancellationToken);
    }

    /// <inheritdoc />
    public async Task EnsureMembershipAsync(Membership membership, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membership);
        // AlreadyExists is the point: whatever role is stored (a lead, say) wins over the default.
        await _memberships.InsertUnlessPresentAsync(membership, "a membership", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Membership>> RemoveMembershipsAsync(string teamId, IReadOnlyList<string> memberIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memberIds);
        var rowKey = TableKey.Encode(teamId);
        List<Membership> ended = [];
        foreach (var memberId in memberIds.Distinct(StringComparer.Ordinal))
        {
            // One point read per leaver, to say which role ended; only the people who left are read.
            if (await _memberships.GetAsync(TableKey.Encode(memberId), rowKey, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                continue;
            }

            // A delete of a row that is gone already succeeds: ending a role twice is harmless.
            await _membershipTable.DeleteAsync(TableKey.Encode(memberId), rowKey, ETag.All, cancellationToken).ConfigureAwait(false);
            ended.Add(stored.Value);
        }

        return ended;
    }

    /// <inheritdoc />
    public Task EndMembershipsAsync(string teamId, CancellationToken cancellationToken) =>
        _membershipTable.DeleteMatchingAsync(TableClient.CreateQueryFilter($"RowKey eq {TableKey.Encode(teamId)}"), cancellationToken);

    /// <inheritdoc />
    public async Task<Membership?> GetMembershipAsync(string memberId, string teamId, CancellationToken cancellationToken) =>
        (await _memberships.GetAsync(TableKey.Encode(memberId), TableKey.Encode(teamId), cancellationToken).ConfigureAwait(false))?.Value;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Membership>> GetMembershipsAsync(string memberId, CancellationToken cancellationToken) =>
        await _memberships.QueryPartitionAsync(TableKey.Encode(memberId), cancellationToken: cancellationToken)
            .Select(stored => stored.Value)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);

    /// <inheritdoc />
    public Task SavePersonalChatAsync(PersonalChat chat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        return _chatTable.UpsertAsync(_chatMapper.ToEntity(chat), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<PersonalChat?> GetPersonalChatAsync(string memberId, CancellationToken cancellationToken) =>
        (await _chats.GetAsync(TableKey.Encode(memberId), PersonalChatMapper.RowKey, cancellationToken).ConfigureAwait(false))?.Value;

    private Task<TableEntity?> GetTeamEntityAsync(string teamId, CancellationToken cancellationToken) =>
        _teamTable.GetAsync(TableKey.Encode(teamId), TeamMapper.RowKey, cancellationToken);

    private static DateTimeOffset? UninstalledAtOf(TableEntity entity) => entity.GetDateTimeOffset(TeamMapper.UninstalledAtProperty);

    // A reinstall refreshes names and endpoints, but the team was installed when it first was. The
    // replace writes the mapper's properties only, so it clears a removal mark: the team is back.
    private async Task<StorageConflict?> InsertOrReplaceKeepingInstalledAtAsync(Team team, CancellationToken cancellationToken)
    {
        var inserted = await _teams.InsertAsync(team, cancellationToken).ConfigureAwait(false);
        if (inserted.Succeeded)
        {
            return null;
        }

        var stored = await _teams.GetAsync(TableKey.Encode(team.Id), TeamMapper.RowKey, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            // Deleted between the insert and the read (an uninstall): start over.
            return inserted.Conflict;
        }

        var replaced = await _teams.ReplaceAsync(stored with { Value = team with { InstalledAt = stored.Value.InstalledAt } }, cancellationToken).ConfigureAwait(false);
        return replaced.Conflict;
    }
}
