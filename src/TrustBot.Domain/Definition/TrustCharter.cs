namespace TrustBot.Domain.Definition;

/// <summary>One version of a team's trust charter: the statements a lead finalised.</summary>
/// <param name="TeamId">The team.</param>
/// <param name="Version">1 for the first charter, one more for each later one.</param>
/// <param name="Statements">How the team finishes "On our team, trust means …", in order.</param>
/// <param name="FinalizedAt">When the lead saved it.</param>
/// <param name="FinalizedBy">The display name of the lead who saved it.</param>
public sealed record TrustCharter(string TeamId, int Version, IReadOnlyList<string> Statements, DateTimeOffset FinalizedAt, string FinalizedBy)
{
    /// <summary>The statement that leads the charter, for the trust summary.</summary>
    public string FirstStatement => Statements[0];
}
