using System.Text;
using TrustBot.Domain.Pulse;
using TrustBot.Domain.Recovery;

namespace TrustBot.Domain.Tests.Recovery;

public sealed class IncidentWebhookSignatureTests
{
    private const string WebhookId = "Qk3v9dXzT1a8LmN0pR2sUw";
    private const string Timestamp = "1795424400";

    private static readonly IncidentWebhookSignature Signatures = new(AppSecret(1));
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"title":"Checkout is down","severity":"major"}""");

    private static byte[] AppSecret(int seed)
    {
        var bytes = new byte[32];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public void A_webhooks_secret_is_the_same_every_time_it_is_derived() =>
        new IncidentWebhookSignature(AppSecret(1)).SecretFor(WebhookId, 1).Should().Be(Signatures.SecretFor(WebhookId, 1));

    [Fact]
    public void Rotating_the_version_gives_a_new_secret_and_never_an_old_one()
    {
        var secrets = Enumerable.Range(1, 5).Select(version => Signatures.SecretFor(WebhookId, version));

        secrets.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Each_webhook_and_each_app_secret_gives_its_own_secret()
    {
        var secrets = new[]
        {
            Signatures.SecretFor(WebhookId, 1),
            Signatures.SecretFor("Zz3v9dXzT1a8LmN0pR2sUw", 1),
            new IncidentWebhookSignature(AppSecret(2)).SecretFor(WebhookId, 1),
        };

        secrets.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void A_secret_is_43_characters_of_base64url_and_unrelated_to_anonymous_answer_keys()
    {
        var secret = Signatures.SecretFor(WebhookId, 1);

        secret.Should().HaveLength(43).And.MatchRegex("^[A-Za-z0-9_-]+$").And.NotContain(WebhookId);
        new AnonymousKeys(AppSecret(1)).AnswerKey(WebhookId, "1").Should().NotBe(secret);
    }

    [Fact]
    public void The_signature_is_what_the_documented_openssl_command_computes()
    {
        // printf '%s.%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$secret" -hex
        const string secret = "q8Zx3m1fV0yTn5bR7cW2hK9pL4sD6gJ8aE1uI0oQwXk";

        IncidentWebhookSignature.Sign(secret, Timestamp, Body)
            .Should().Be("sha256=516ab7875c35eaab2a2195148431bec8d358ab0d847f8a61e5400fc8a06fcba6");
    }

    [Fact]
    public void A_request_signed_with_the_secret_verifies()
    {
        var secret = Signatures.SecretFor(WebhookId, 1);
        var signature = IncidentWebhookSignature.ReadSignature(IncidentWebhookSignature.Sign(secret, Timestamp, Body));

        IncidentWebhookSignature.Verifies(secret, Timestamp, Body, signature).Should().BeTrue();
    }

    [Fact]
    public void A_request_signed_with_another_secret_or_an_earlier_version_does_not_verify()
    {
        var current = Signatures.SecretFor(WebhookId, 2);

        foreach (var wrong in new[] { Signatures.SecretFor(WebhookId, 1), new IncidentWebhookSignature(AppSecret(2)).SecretFor(WebhookId, 2) })
        {
            var signature = IncidentWebhookSignature.ReadSignature(IncidentWebhookSignature.Sign(wrong, Timestamp, Body));
            IncidentWebhookSignature.Verifies(current, Timestamp, Body, signature).Should().BeFalse();
        }
    }

    [Fact]
    public void Changing_the_body_or_the_timestamp_after_signing_breaks_the_signature()
    {
        var secret = Signatures.SecretFor(WebhookId, 1);
        var signature = IncidentWebhookSignature.ReadSignature(IncidentWebhookSignature.Sign(secret, Timestamp, Body));
        var changedBody = Encoding.UTF8.GetBytes("""{"title":"Checkout is down","severity":"minor"}""");

        IncidentWebhookSignature.Verifies(secret, Timestamp, changedBody, signature).Should().BeFalse();
        IncidentWebhookSignature.Verifies(secret, "1795424401", Body, signature).Should().BeFalse();
    }

    [Fact]
    public void Verifying_compares_in_constant_time_over_the_whole_signature()
    {
        var secret = Signatures.SecretFor(WebhookId, 1);
        var signature = IncidentWebhookSignature.ReadSignature(IncidentWebhookSignature.Sign(secret, Timestamp, Body))!;
        var lastByteWrong = (byte[])signature.Clone();
        lastByteWrong[^1] ^= 1;

        // The check is CryptographicOperations.FixedTimeEquals: a difference anywhere, or a shorter value, fails.
        IncidentWebhookSignature.Verifies(secret, Timestamp, Body, lastByteWrong).Should().BeFalse();
        IncidentWebhookSignature.Verifies(secret, Timestamp, Body, signature.AsSpan(0, 31)).Should().BeFalse();
        IncidentWebhookSignature.Verifies(secret, Timestamp, Body, []).Should().BeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("516ab7875c35eaab2a2195148431bec8d358ab0d847f8a61e5400fc8a06fcba6")]
    [InlineData("sha1=516ab7875c35eaab2a2195148431bec8d358ab0d847f8a61e5400fc8a06fcba6")]
    [InlineData("sha256=516ab7875c35eaab2a2195148431bec8d358ab0d847f8a61e5400fc8a06fcba")]
    [InlineData("sha256=516ab7875c35eaab2a2195148431bec8d358ab0d847f8a61e5400fc8a06fcbaz")]
    [InlineData("sha256= 516ab7875c35eaab2a2195148431bec8d358ab0d847f8a61e5400fc8a06fcb")]
    public void A_signature_header_of_any_other_shape_is_not_read(string? header) =>
        IncidentWebhookSignature.ReadSignature(header).Should().BeNull();

    [Theory]
    [InlineData("1795424400", true)]
    [InlineData("0", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("-1795424400", false)]
    [InlineData("+1795424400", false)]
    [InlineData("1795424400.5", false)]
    [InlineData("2026-11-23T09:00:00Z", false)]
    [InlineData("999999999999", false)]
    public void A_timestamp_is_read_only_as_unix_seconds(string? header, bool read) =>
        (IncidentWebhookSignature.ReadTimestamp(header) is not null).Should().Be(read);

    [Theory]
    [InlineData(0, true)]
    [InlineData(-300, true)]
    [InlineData(300, true)]
    [InlineData(-301, false)]
    [InlineData(301, false)]
    [InlineData(-360, false)]
    [InlineData(360, false)]
    public void A_request_must_be_signed_within_five_minutes_of_now_either_way(int secondsFromNow, bool fresh)
    {
        var now = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

        IncidentWebhookSignature.IsWithinWindow(now.AddSeconds(secondsFromNow), now).Should().Be(fresh);
    }

    [Fact]
    public void New_webhook_ids_are_random_and_well_formed()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => IncidentWebhookSignature.NewWebhookId()).ToList();

        ids.Should().OnlyHaveUniqueItems().And.OnlyContain(id => IncidentWebhookSignature.IsWellFormedWebhookId(id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Qk3v9dXzT1a8LmN0pR2sU")]
    [InlineData("Qk3v9dXzT1a8LmN0pR2sUwX")]
    [InlineData("Qk3v9dXzT1a8LmN0pR2s/w")]
    [InlineData("Qk3v9dXzT1a8LmN0pR2s%w")]
    public void Anything_else_is_not_a_webhook_id(string? id) =>
        IncidentWebhookSignature.IsWellFormedWebhookId(id).Should().BeFalse();

    [Fact]
    public void An_app_secret_shorter_than_32_bytes_is_refused() =>
        FluentActions.Invoking(() => new IncidentWebhookSignature(new byte[31])).Should().Throw<ArgumentException>().WithMessage("*32 bytes*");
}
