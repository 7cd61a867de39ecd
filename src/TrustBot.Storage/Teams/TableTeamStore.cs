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
        _teams = new RecordTable<Team>(tables.Get(TeamsTable), new TeamMapper());
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
        (await _teams.GetAsync(TableKey.Encode(teamId), TeamMapper.RowKey, cancellationToken).ConfigureAwait(false))?.Value;

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

    // A reinstall refreshes names and endpoints, but the team was installed when it first was.
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
