using TrustBot.Domain.Pulse;
using TrustBot.Domain.Questions;

namespace TrustBot.Domain.Tests.Questions;

/// <summary>Team questions for tests, with fixed times and ids.</summary>
internal static class TeamQuestions
{
    public const string TeamId = "19:contoso@thread.tacv2";
    public static readonly DateTimeOffset Monday = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);

    public static TeamQuestion Active(int n, string factorId = "openness", string? text = null) =>
        TeamQuestion.New(TeamId, new TeamQuestionDraft(text ?? $"Question number {n} of our own team.", factorId, IsReverseScored: false), Entropy(n), Monday.AddMinutes(n));

    public static TeamQuestion Retired(int n, string factorId = "openness") => Active(n, factorId) with { RetiredAt = Monday.AddDays(1) };

    public static QuestionBank BankWith(params TeamQuestion[] questions) => QuestionBank.BuiltIn.WithTeamItems(questions);

    private static Guid Entropy(int n) => new($"{n:x8}-0000-0000-0000-000000000000");
}
