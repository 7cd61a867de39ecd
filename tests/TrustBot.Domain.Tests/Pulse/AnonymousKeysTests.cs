using TrustBot.Domain.Pulse;

namespace TrustBot.Domain.Tests.Pulse;

public sealed class AnonymousKeysTests
{
    private const string Run = "0000000000000000001-0123abcd";
    private const string Member = "9f3c2a1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b";

    private static readonly AnonymousKeys Keys = new(Secret(1));

    private static byte[] Secret(int seed)
    {
        var bytes = new byte[32];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public void The_same_run_and_member_always_get_the_same_key() =>
        new AnonymousKeys(Secret(1)).AnswerKey(Run, Member).Should().Be(Keys.AnswerKey(Run, Member));

    [Fact]
    public void Keys_differ_per_run_and_per_member()
    {
        var keys = new[]
        {
            Keys.AnswerKey(Run, Member),
            Keys.AnswerKey("0000000000000000002-0123abcd", Member),
            Keys.AnswerKey(Run, "another-member"),
        };

        keys.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Another_secret_gives_other_keys()
    {
        var other = new AnonymousKeys(Secret(2));

        other.AnswerKey(Run, Member).Should().NotBe(Keys.AnswerKey(Run, Member));
    }

    [Fact]
    public void A_key_reveals_neither_id_and_is_unpadded_base64url()
    {
        var key = Keys.AnswerKey(Run, Member);

        key.Should().NotContain(Member).And.NotContain(Run).And.NotContain("0123abcd");
        key.Should().HaveLength(43).And.MatchRegex("^[A-Za-z0-9_-]+$");
    }

    [Fact]
    public void Changing_the_callers_secret_array_afterwards_does_not_change_the_keys()
    {
        var secret = Secret(1);
        var keys = new AnonymousKeys(secret);
        Array.Clear(secret);

        keys.AnswerKey(Run, Member).Should().Be(Keys.AnswerKey(Run, Member));
    }

    [Fact]
    public void A_secret_shorter_than_32_bytes_is_refused() =>
        FluentActions.Invoking(() => new AnonymousKeys(new byte[31])).Should().Throw<ArgumentException>().WithMessage("*32 bytes*");
}
