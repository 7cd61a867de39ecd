using TrustBot.Domain.Pulse;

namespace TrustBot.Domain.Questions;

/// <summary>
/// A pulse question a lead added to their team's own bank. Retiring it stops future pulses from
/// asking it, but it stays in the bank, so the runs and roll-ups that asked it keep their history.
/// </summary>
/// <param name="TeamId">The team whose bank it belongs to.</param>
/// <param name="Item">The item, with a <see cref="TeamQuestionIds"/> id, as pulses ask it.</param>
/// <param name="AddedAt">When the lead added it.</param>
/// <param name="RetiredAt">When it was retired; null while pulses may ask it.</param>
public sealed record TeamQuestion(string TeamId, QuestionItem Item, DateTimeOffset AddedAt, DateTimeOffset? RetiredAt = null)
{
    /// <summary>The <see cref="QuestionItem.Source"/> of every team question.</summary>
    public const string Source = "Added by the team";

    /// <summary>Whether pulses no longer ask it.</summary>
    public bool IsRetired => RetiredAt is not null;

    /// <summary>A new active question from a draft that <see cref="TeamQuestionRules.Problems"/> found nothing wrong with.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="draft">What the lead wrote.</param>
    /// <param name="entropy">A fresh GUID for the id.</param>
    /// <param name="addedAt">Now.</param>
    /// <exception cref="ArgumentException">The draft has no text or names no single factor.</exception>
    public static TeamQuestion New(string teamId, TeamQuestionDraft draft, Guid entropy, DateTimeOffset addedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(teamId);
        ArgumentNullException.ThrowIfNull(draft);
        var factor = TrustFactors.Find(draft.FactorId ?? string.Empty)
            ?? throw new ArgumentException("A team question measures one of the trust factors.", nameof(draft));
        var text = TeamQuestionRules.Normalize(draft.Text);
        ArgumentException.ThrowIfNullOrEmpty(text, nameof(draft));
        return new TeamQuestion(teamId, new QuestionItem(TeamQuestionIds.New(entropy), factor.Id, text, draft.IsReverseScored, Version: 1, Source), addedAt);
    }
}

/// <summary>A question as a lead wrote it on the card, not yet checked.</summary>
/// <param name="Text">The statement members will rate.</param>
/// <param name="FactorId">The factor it measures, as picked.</param>
/// <param name="IsReverseScored">Whether agreeing means less trust.</param>
public sealed record TeamQuestionDraft(string? Text, string? FactorId, bool IsReverseScored);
