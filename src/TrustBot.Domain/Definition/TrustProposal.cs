using TrustBot.Domain.Pulse;

namespace TrustBot.Domain.Definition;

/// <summary>
/// One member's way to finish "On our team, trust means …". Anonymous unless the member chose to
/// show their name: only then is anything about the author kept.
/// </summary>
/// <param name="TeamId">The team it was proposed in.</param>
/// <param name="Id">Its id (the shape of <see cref="PulseRunIds"/>).</param>
/// <param name="Text">The statement, normalised and checked with <see cref="DefinitionRules"/>.</param>
/// <param name="Author">Who proposed it, only when they chose to be named.</param>
/// <param name="ProposedAt">When it was proposed.</param>
public sealed record TrustProposal(string TeamId, string Id, string Text, ProposalAuthor? Author, DateTimeOffset ProposedAt)
{
    /// <summary>A new proposal with a fresh id.</summary>
    /// <param name="teamId">The team, as resolved from the activity or the sender's membership.</param>
    /// <param name="text">The statement as typed; it is normalised here.</param>
    /// <param name="author">The author when they chose to be named; null keeps it anonymous.</param>
    /// <param name="now">The current time.</param>
    /// <param name="entropy">A fresh GUID for the id.</param>
    public static TrustProposal New(string teamId, string text, ProposalAuthor? author, DateTimeOffset now, Guid entropy) =>
        new(teamId, PulseRunIds.New(now, entropy), DefinitionRules.Normalize(text), author, now);
}

/// <summary>The named author of a proposal.</summary>
/// <param name="MemberId">Their member id (so "forget me" finds the proposal).</param>
/// <param name="Name">Their display name, shown beside the statement.</param>
public sealed record ProposalAuthor(string MemberId, string Name);
