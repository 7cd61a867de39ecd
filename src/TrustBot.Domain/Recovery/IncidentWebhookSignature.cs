using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TrustBot.Domain.Recovery;

/// <summary>
/// How incident tools prove a request comes from them. Each team's webhook has a secret that is
/// never stored: it is an HMAC of the webhook's id and version under the app's secret, so rotating
/// (version + 1) makes the old one stop working at once. A tool signs
/// <c>{timestamp}.{raw body}</c> with its secret (HMAC-SHA256, lower-case hex) and sends the time in
/// <see cref="TimestampHeader"/> and the signature in <see cref="SignatureHeader"/>.
/// </summary>
public sealed class IncidentWebhookSignature
{
    /// <summary>The header with the time the request was signed, in Unix seconds.</summary>
    public const string TimestampHeader = "X-TrustBot-Timestamp";

    /// <summary>The header with the signature: <see cref="SignaturePrefix"/> and 64 hex digits.</summary>
    public const string SignatureHeader = "X-TrustBot-Signature";

    /// <summary>What the signature header starts with, naming the algorithm.</summary>
    public const string SignaturePrefix = "sha256=";

    /// <summary>The length of a webhook id: 16 random bytes in unpadded base64url.</summary>
    public const int WebhookIdLength = 22;

    /// <summary>
    /// How far a request's timestamp may be from now, either way: old enough to forgive clocks that
    /// differ a little, short enough that a captured request cannot be sent again much later.
    /// </summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    // A label of its own keeps webhook secrets apart from anything else keyed by the same app secret.
    private const string Purpose = "incident-webhook";
    private const string DecoyPurpose = "incident-webhook-decoy";
    private const int SignatureBytes = 32;

    // Unix seconds up to year 5138: enough digits for any real clock, few enough never to overflow.
    private const int MaxTimestampDigits = 11;

    private readonly byte[] _appSecret;

    /// <summary>Derives secrets under the app's secret (the same Key Vault secret that keys anonymous answers).</summary>
    /// <param name="appSecret">At least 32 random bytes.</param>
    /// <exception cref="ArgumentException">The secret is shorter than 32 bytes.</exception>
    public IncidentWebhookSignature(byte[] appSecret)
    {
        ArgumentNullException.ThrowIfNull(appSecret);
        if (appSecret.Length < Pulse.AnonymousKeys.MinimumSecretLength)
        {
            throw new ArgumentException($"The app secret must be at least {Pulse.AnonymousKeys.MinimumSecretLength} bytes; it is {appSecret.Length}.", nameof(appSecret));
        }

        // A copy: the caller's array may be cleared or reused.
        _appSecret = (byte[])appSecret.Clone();
    }

    /// <summary>A fresh, unguessable webhook id (16 random bytes, base64url): it goes in the URL.</summary>
    public static string NewWebhookId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>Whether <paramref name="webhookId"/> has the shape of a webhook id, checked before any lookup.</summary>
    public static bool IsWellFormedWebhookId(string? webhookId) =>
        webhookId is { Length: WebhookIdLength } && webhookId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The secret of a version of a webhook: 43 characters of base64url, the same every time it is asked for.</summary>
    /// <param name="webhookId">The webhook.</param>
    /// <param name="version">Its version: 1 when created, one more for every rotation.</param>
    public string SecretFor(string webhookId, int version)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookId);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        return Derive(Purpose, webhookId, version);
    }

    /// <summary>
    /// A secret for a webhook id that does not exist, derived as a real one is but under a label of its
    /// own, so nobody has it: checking a request for an unknown id against it costs what checking a
    /// real one does, and the answer and its timing do not tell which ids exist.
    /// </summary>
    public string DecoySecretFor(string webhookId)
    {
        ArgumentNullException.ThrowIfNull(webhookId);
        return Derive(DecoyPurpose, webhookId, 1);
    }

    /// <summary>
    /// The signature header a tool sends: <c>sha256=</c> and the lower-case hex of
    /// HMAC-SHA256(key = the secret as UTF-8, message = <c>{timestamp}.{body}</c>).
    /// </summary>
    /// <param name="secret">The webhook's secret as shown to the lead.</param>
    /// <param name="timestamp">The timestamp header, exactly as sent.</param>
    /// <param name="body">The raw request body.</param>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body) =>
        SignaturePrefix + Convert.ToHexStringLower(Mac(secret, timestamp, body));

    /// <summary>
    /// Reads a signature header: the 32 bytes it names, or null when it is not <c>sha256=</c>
    /// followed by 64 hex digits.
    /// </summary>
    public static byte[]? ReadSignature(string? header)
    {
        if (header is null || header.Length != SignaturePrefix.Length + (2 * SignatureBytes)
            || !header.StartsWith(SignaturePrefix, StringComparison.Ordinal)
            || !header[SignaturePrefix.Length..].All(char.IsAsciiHexDigit))
        {
            return null;
        }

        return Convert.FromHexString(header.AsSpan(SignaturePrefix.Length));
    }

    /// <summary>
    /// Whether <paramref name="signature"/> is the signature of the timestamp and body under the
    /// secret. The comparison takes the same time wherever the first wrong byte is, so timing
    /// reveals nothing about the right signature.
    /// </summary>
    /// <param name="secret">The webhook's secret.</param>
    /// <param name="timestamp">The timestamp header, exactly as sent.</param>
    /// <param name="body">The raw request body.</param>
    /// <param name="signature">The bytes <see cref="ReadSignature"/> read from the signature header.</param>
    public static bool Verifies(string secret, string timestamp, ReadOnlySpan<byte> body, ReadOnlySpan<byte> signature) =>
        CryptographicOperations.FixedTimeEquals(Mac(secret, timestamp, body), signature);

    /// <summary>Reads a timestamp header: Unix seconds as ASCII digits; null for anything else.</summary>
    public static DateTimeOffset? ReadTimestamp(string? header) =>
        header is { Length: > 0 and <= MaxTimestampDigits } && header.All(char.IsAsciiDigit)
            ? DateTimeOffset.FromUnixTimeSeconds(long.Parse(header, NumberStyles.None, CultureInfo.InvariantCulture))
            : null;

    /// <summary>Whether a request signed at <paramref name="signedAt"/> is within <see cref="Window"/> of <paramref name="now"/>, either way.</summary>
    public static bool IsWithinWindow(DateTimeOffset signedAt, DateTimeOffset now) => (now - signedAt).Duration() <= Window;

    private string Derive(string purpose, string webhookId, int version)
    {
        var message = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{purpose}\n{webhookId}\n{version}"));
        return Base64Url.EncodeToString(HMACSHA256.HashData(_appSecret, message));
    }

    private static byte[] Mac(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(timestamp);
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp + "."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
