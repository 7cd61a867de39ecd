using TrustBot.Storage.Tests.Support;

namespace TrustBot.Storage.Tests.Keys;

public sealed class TableKeyTests
{
    private const int Samples = 5000;

    [Theory]
    [InlineData("19:abc123def456@thread.tacv2")]
    [InlineData("19:meeting_NjAxYzQ2ZTctZDhiMC00ZmRmLWI2YmMtYzM5OWQ3MTBkNGJk@thread.v2")]
    [InlineData("a:1Vx3tn-Rd2qYHsYbKp0oJfQ_vDzhxLwZx7kq")]
    [InlineData("8:orgid:2d9b2a1c-5b5e-4b0f-9c6e-4a8f1d2e3c4b")]
    [InlineData("2d9b2a1c-5b5e-4b0f-9c6e-4a8f1d2e3c4b")]
    [InlineData("28:c9e8c047-2a74-40a2-b28a-b162d5f5327c")]
    public void Ordinary_Teams_ids_are_stored_as_they_are(string id)
    {
        TableKey.Encode(id).Should().Be(id);
    }

    [Fact]
    public void Base64_user_ids_keep_everything_but_the_slash()
    {
        TableKey.Encode("29:1AbC+d/Ef==").Should().Be("29:1AbC+d%2FEf==");
    }

    [Fact]
    public void Forbidden_characters_and_the_escape_character_become_percent_and_two_hex_digits()
    {
        TableKey.Encode("a/b\\c#d?e%f\u0000g\u001Fh\u007Fi\u009Fj|").Should().Be("a%2Fb%5Cc%23d%3Fe%25f%00g%1Fh%7Fi%9Fj%7C");
    }

    [Fact]
    public void Unicode_and_surrogate_pairs_are_kept()
    {
        TableKey.Encode("Équipe 信任 😀").Should().Be("Équipe 信任 😀");
    }

    [Fact]
    public void The_empty_id_is_the_empty_key()
    {
        TableKey.Encode(string.Empty).Should().BeEmpty();
        TableKey.Decode(string.Empty).Should().BeEmpty();
    }

    [Fact]
    public void Decoding_an_encoded_id_gives_the_id_back_and_the_key_is_valid()
    {
        foreach (var id in new IdGenerator(seed: 1).Ids(Samples))
        {
            var key = TableKey.Encode(id);
            TableKey.Decode(key).Should().Be(id);
            FluentActions.Invoking(() => TableKey.EnsureValid(key, "key")).Should().NotThrow();
        }
    }

    [Fact]
    public void Different_ids_never_share_a_key()
    {
        var ids = new IdGenerator(seed: 2).Ids(Samples).Concat(["%", "%25", "%2F", "/", "a%2Fb", "a/b"]).Distinct().ToList();
        ids.Select(TableKey.Encode).Distinct().Should().HaveCount(ids.Count);
    }

    [Fact]
    public void Encoding_a_concatenation_concatenates_the_encodings_so_prefix_scans_find_exactly_the_prefixed_ids()
    {
        var generator = new IdGenerator(seed: 3);
        for (var i = 0; i < Samples; i++)
        {
            var (prefix, rest) = (generator.Hostile(20), generator.Next());
            TableKey.Encode(prefix + rest).Should().Be(TableKey.Encode(prefix) + TableKey.Encode(rest));
            var other = (i % 3) switch
            {
                0 => prefix + generator.Next(),
                1 => WholeCharacters(prefix[..(prefix.Length / 2)]) + generator.Hostile(20),
                _ => generator.Next(),
            };
            TableKey.Encode(other).StartsWith(TableKey.Encode(prefix), StringComparison.Ordinal)
                .Should().Be(other.StartsWith(prefix, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Ordinal_order_is_kept_for_ids_without_escaped_characters()
    {
        var ids = new IdGenerator(seed: 4).Ids(Samples).Where(id => TableKey.Encode(id) == id).ToList();
        ids.Should().HaveCountGreaterThan(Samples / 2);
        ids.Order(StringComparer.Ordinal).Select(TableKey.Encode).Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public void Escaped_characters_keep_their_order_among_themselves()
    {
        var escaped = "\u0000\u001F#%/?\\|\u007F\u009F".Select(c => c.ToString()).ToList();
        escaped.Select(TableKey.Encode).Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public void A_composite_key_splits_back_into_exactly_its_parts()
    {
        var generator = new IdGenerator(seed: 6);
        for (var i = 0; i < Samples; i++)
        {
            string[] parts = [generator.Hostile(30), generator.Hostile(10) + "|", string.Empty, "19:abc@thread.tacv2"];
            TableKey.Decompose(TableKey.Compose(parts)).Should().Equal(parts);
        }

        TableKey.Compose("x|y", "z").Should().NotBe(TableKey.Compose("x", "y|z"));
        TableKey.Compose("run1", "29:1Ab/c").Should().Be("run1|29:1Ab%2Fc");
    }

    [Fact]
    public void A_key_at_the_limit_is_accepted()
    {
        TableKey.Encode(new string('a', TableKey.MaxLength)).Should().HaveLength(512);
    }

    [Theory]
    [InlineData(2048, 'a')]
    [InlineData(TableKey.MaxLength + 1, 'a')]
    [InlineData(200, '/')]
    public void Ids_too_long_once_encoded_are_refused_not_truncated(int length, char character)
    {
        FluentActions.Invoking(() => TableKey.Encode(new string(character, length)))
            .Should().Throw<ArgumentException>().WithMessage("*at most 512*refused rather than truncated*");
    }

    [Fact]
    public void Unpaired_surrogates_are_refused()
    {
        // Not theory data: the test runner would replace lone surrogates when it serialises the cases.
        foreach (var id in new[] { "abc\uD800", "\uDC00abc", "a\uD800b", "\uDBFF\uDBFF\uDC00" })
        {
            FluentActions.Invoking(() => TableKey.Encode(id)).Should().Throw<ArgumentException>().WithMessage("*unpaired surrogate*");
        }
    }

    [Theory]
    [InlineData("%")]
    [InlineData("ab%2")]
    [InlineData("%41")]
    [InlineData("%2f")]
    [InlineData("%zz")]
    public void Decoding_refuses_what_encoding_never_writes(string key)
    {
        FluentActions.Invoking(() => TableKey.Decode(key)).Should().Throw<FormatException>();
    }

    [Theory]
    [InlineData("29:1AbC/d")]
    [InlineData("team#1")]
    [InlineData("what?")]
    [InlineData("tab\there")]
    public void Unencoded_ids_with_forbidden_characters_are_not_valid_keys(string raw)
    {
        FluentActions.Invoking(() => TableKey.EnsureValid(raw, "key")).Should().Throw<ArgumentException>().WithMessage("*TableKey.Encode*");
    }

    // Cutting a string may split a surrogate pair; such a half is not a valid id.
    private static string WholeCharacters(string text) => text.Length > 0 && char.IsHighSurrogate(text[^1]) ? text[..^1] : text;
}
