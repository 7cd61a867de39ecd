using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TrustBot.Domain.Pulse;

/// <summary>
/// Seals a member's answer (scores, picks and comment) while its run is open: AES-256-GCM under a
/// key derived from the anonymity secret, padded to one fixed length, and bound to its team, run and
/// answer key. Whoever reads storage sees rows of equal size that say nothing, cannot swap one into
/// another run or key, and cannot tell an answer with a comment from one without.
/// </summary>
/// <remarks>
/// The key is HKDF-SHA256 of the secret with its own label, so it is unrelated to the HMAC keys of
/// <see cref="AnonymousKeys"/>. Each seal draws a fresh 96-bit nonce: a run sees at most a few
/// thousand seals, far below the 2^32 that random GCM nonces allow under one key.
/// Plaintext layout (<see cref="PaddedLength"/> bytes): the length of the JSON of the scores and
/// picks (2 bytes), that JSON, the length of the comment's UTF-8 (2 bytes), the comment, zeros.
/// </remarks>
public sealed class AnswerSeal
{
    /// <summary>
    /// The plaintext length every answer is padded to. The largest answer the rules accept is far
    /// below it: 7 items, 2 × <see cref="PulseSubmissionRules.MaxPicks"/> picks and a comment of
    /// <see cref="PulseSubmissionRules.MaxCommentLength"/> UTF-16 units (at most 1,500 bytes of UTF-8).
    /// </summary>
    public const int PaddedLength = 4096;

    /// <summary>The length of every sealed answer: nonce, padded ciphertext, tag.</summary>
    public const int SealedLength = NonceLength + PaddedLength + TagLength;

    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int LengthPrefix = sizeof(ushort);
    private static readonly byte[] Label = Encoding.UTF8.GetBytes("TrustBot pulse answer seal v1");

    private readonly byte[] _key;

    /// <summary>Seals under a key derived from the anonymity secret (the one <see cref="AnonymousKeys"/> uses).</summary>
    /// <param name="secret">At least <see cref="AnonymousKeys.MinimumSecretLength"/> random bytes.</param>
    /// <exception cref="ArgumentException">The secret is too short.</exception>
    public AnswerSeal(byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length < AnonymousKeys.MinimumSecretLength)
        {
            throw new ArgumentException($"The anonymity secret must be at least {AnonymousKeys.MinimumSecretLength} bytes; it is {secret.Length}.", nameof(secret));
        }

        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, salt: [], info: Label);
    }

    /// <summary>Seals an answer for storage under <paramref name="answerKey"/>.</summary>
    /// <exception cref="ArgumentException">The answer does not fit <see cref="PaddedLength"/> (the submit rules never let such an answer through).</exception>
    public byte[] Seal(string teamId, string runId, string answerKey, PulseAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var json = JsonSerializer.SerializeToUtf8Bytes(new SealedFields(answer.Scores, answer.Helped, answer.Hurt));
        var comment = Encoding.UTF8.GetBytes(answer.Comment ?? string.Empty);
        if (LengthPrefix + json.Length + LengthPrefix + comment.Length > PaddedLength)
        {
            throw new ArgumentException($"The answer is too large to seal: {json.Length + comment.Length} bytes, at most {PaddedLength - (2 * LengthPrefix)}.", nameof(answer));
        }

        var plain = new byte[PaddedLength];
        BinaryPrimitives.WriteUInt16BigEndian(plain, (ushort)json.Length);
        json.CopyTo(plain.AsSpan(LengthPrefix));
        BinaryPrimitives.WriteUInt16BigEndian(plain.AsSpan(LengthPrefix + json.Length), (ushort)comment.Length);
        comment.CopyTo(plain.AsSpan(LengthPrefix + json.Length + LengthPrefix));

        var sealedAnswer = new byte[SealedLength];
        var nonce = sealedAnswer.AsSpan(0, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagLength);
        aes.Encrypt(nonce, plain, sealedAnswer.AsSpan(NonceLength, PaddedLength), sealedAnswer.AsSpan(NonceLength + PaddedLength), Bound(teamId, runId, answerKey));
        return sealedAnswer;
    }

    /// <summary>Opens an answer sealed by <see cref="Seal"/> for the same team, run and key.</summary>
    /// <exception cref="CryptographicException">
    /// It was sealed under another secret, for another team, run or key, or altered since.
    /// </exception>
    public PulseAnswer Open(string teamId, string runId, string answerKey, byte[] sealedAnswer)
    {
        ArgumentNullException.ThrowIfNull(sealedAnswer);
        if (sealedAnswer.Length != SealedLength)
        {
            throw new CryptographicException($"A sealed answer is {SealedLength} bytes; this one is {sealedAnswer.Length}.");
        }

        var plain = new byte[PaddedLength];
        using var aes = new AesGcm(_key, TagLength);
        aes.Decrypt(
            sealedAnswer.AsSpan(0, NonceLength),
            sealedAnswer.AsSpan(NonceLength, PaddedLength),
            sealedAnswer.AsSpan(NonceLength + PaddedLength),
            plain,
            Bound(teamId, runId, answerKey));

        // Authentic, so the lengths are ours; still read defensively.
        var jsonLength = BinaryPrimitives.ReadUInt16BigEndian(plain);
        var commentAt = LengthPrefix + jsonLength;
        var commentLength = BinaryPrimitives.ReadUInt16BigEndian(plain.AsSpan(commentAt));
        var fields = JsonSerializer.Deserialize<SealedFields>(plain.AsSpan(LengthPrefix, jsonLength))
            ?? throw new CryptographicException("A sealed answer holds no answer.");
        var comment = Encoding.UTF8.GetString(plain.AsSpan(commentAt + LengthPrefix, commentLength));
        return new PulseAnswer(fields.Scores, fields.Helped, fields.Hurt, comment.Length == 0 ? null : comment);
    }

    // The associated data: a row copied to another team, run or key no longer opens.
    private static byte[] Bound(string teamId, string runId, string answerKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentException.ThrowIfNullOrEmpty(answerKey);
        return Encoding.UTF8.GetBytes($"{teamId}\n{runId}\n{answerKey}");
    }

    private sealed record SealedFields(IReadOnlyDictionary<string, int> Scores, IReadOnlyList<string> Helped, IReadOnlyList<string> Hurt);
}
