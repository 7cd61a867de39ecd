namespace TrustBot.Domain.Definition;

/// <summary>Every version of a team's trust charter.</summary>
public interface ITrustCharterStore
{
    /// <summary>Stores a new version; false (nothing written) when that version number is taken already.</summary>
    Task<bool> TryAddAsync(TrustCharter charter, CancellationToken cancellationToken);

    /// <summary>The team's current charter (its latest version); null when it has none. The trust summary reads it too.</summary>
    Task<TrustCharter?> GetCurrentAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>Every version of the team's charter, newest first.</summary>
    Task<IReadOnlyList<TrustCharter>> GetAllAsync(string teamId, CancellationToken cancellationToken);
}
