using System.Security.Cryptography;
using System.Text;
using TrustBot.Domain.Pulse;

namespace TrustBot.Domain.Tests.Pulse;

public sealed class AnswerSealTests
{
    private const string Team = "19:team@thread.tacv2";
    private const string Run = "0000000000000000001-0123abcd";
    private const string Key = "answer-key";

    private static readonly AnswerSeal Seal = new(Secret(1));

    private static readonly PulseAnswer WithComment = new(
        new Dictionary<string, int> { ["rel-1"] = 4, ["overall"] = 5 }, ["care"], ["openness"], "Plus de café ☕ — und \"Ehrlichkeit\"\n");

    private static readonly PulseAnswer WithoutComment = new(new Dictionary<string, int> { ["rel-1"] = 2, ["overall"] = 1 }, [], []);

    private static byte[] Secret(int seed)
    {
        var bytes = new byte[32];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public void An_answer_opens_to_exactly_what_was_sealed_comment_included()
    {
        Seal.Open(Team, Run, Key, Seal.Seal(Team, Run, Key, WithComment)).Should().BeEquivalentTo(WithComment);
        Seal.Open(Team, Run, Key, Seal.Seal(Team, Run, Key, WithoutComment)).Should().BeEquivalentTo(WithoutComment);
    }

    [Fact]
    public void Every_sealed_answer_has_the_same_length_whatever_it_holds()
    {
        var longest = WithComment with { Comment = new string('\u0001', PulseSubmissionRules.MaxCommentLength), Helped = ["care", "openness", "integrity"] };
        var widest = WithComment with { Comment = string.Concat(Enumerable.Repeat("😀", PulseSubmissionRules.MaxCommentLength / 2)) };

        new[] { WithComment, WithoutComment, longest, widest }
            .Select(answer => Seal.Seal(Team, Run, Key, answer).Length)
            .Should().AllBeEquivalentTo(AnswerSeal.SealedLength);
    }

    [Fact]
    public void A_sealed_answer_shows_neither_scores_nor_comment_and_never_repeats()
    {
        var first = Seal.Seal(Team, Run, Key, WithComment);
        var second = Seal.Seal(Team, Run, Key, WithComment);

        first.Should().NotEqual(second, "each seal draws its own nonce");
        Encoding.UTF8.GetString(first).Should().NotContain("café").And.NotContain("rel-1").And.NotContain("care");
    }

    [Theory]
    [InlineData("19:other@thread.tacv2", Run, Key)]
    [InlineData(Team, "0000000000000000002-0123abcd", Key)]
    [InlineData(Team, Run, "another-answer-key")]
    public void A_sealed_answer_moved_to_another_team_run_or_key_does_not_open(string team, string run, string key)
    {
        var sealedAnswer = Seal.Seal(Team, Run, Key, WithComment);

        FluentActions.Invoking(() => Seal.Open(team, run, key, sealedAnswer)).Should().Throw<CryptographicException>();
    }

    [Fact]
    public void An_altered_truncated_or_foreign_sealed_answer_does_not_open()
    {
        var sealedAnswer = Seal.Seal(Team, Run, Key, WithComment);
        var altered = (byte[])sealedAnswer.Clone();
        altered[100] ^= 1;

        FluentActions.Invoking(() => Seal.Open(Team, Run, Key, altered)).Should().Throw<CryptographicException>();
        FluentActions.Invoking(() => Seal.Open(Team, Run, Key, sealedAnswer[..^1])).Should().Throw<CryptographicException>();
        FluentActions.Invoking(() => new AnswerSeal(Secret(2)).Open(Team, Run, Key, sealedAnswer)).Should().Throw<CryptographicException>();
    }

    [Fact]
    public void The_seal_key_is_not_the_answer_key_secret_itself()
    {
        // A seal under the raw secret as the AES key must not open: the key is derived with its own label.
        var raw = Seal.Seal(Team, Run, Key, WithComment);
        using var aes = new AesGcm(Secret(1), 16);
        var plain = new byte[AnswerSeal.PaddedLength];

        FluentActions.Invoking(() => aes.Decrypt(raw.AsSpan(0, 12), raw.AsSpan(12, AnswerSeal.PaddedLength), raw.AsSpan(12 + AnswerSeal.PaddedLength), plain, Encoding.UTF8.GetBytes($"{Team}\n{Run}\n{Key}")))
            .Should().Throw<CryptographicException>();
    }

    [Fact]
    public void A_secret_shorter_than_32_bytes_is_refused() =>
        FluentActions.Invoking(() => new AnswerSeal(new byte[31])).Should().Throw<ArgumentException>().WithMessage("*32 bytes*");
}
