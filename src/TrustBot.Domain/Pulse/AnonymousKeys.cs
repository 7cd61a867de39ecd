using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace TrustBot.Domain.Pulse;

/// <summary>
/// The key an answer is stored under instead of the member's id while its run is open: an
/// HMAC-SHA256 of the run and the member under a secret, so the bot can find and replace a member's
/// answer (and skip their reminder) while nobody reading storage can tell whose it is. Comments get
/// no member-derived key at all: they are parted from the answers at the close, under keys that
/// carry no one (see docs/threat-model.md).
/// </summary>
public sealed class AnonymousKeys
{
    /// <summary>The shortest secret accepted: 32 bytes, the hash's own length (RFC 2104 discourages shorter keys).</summary>
    public const int MinimumSecretLength = 32;

    private readonly byte[] _secret;

    /// <summary>Keys under the secret (from configuration; never stored beside the answers).</summary>
    /// <param name="secret">At least 32 random bytes.</param>
    /// <exception cref="ArgumentException">The secret is shorter than 32 bytes.</exception>
    public AnonymousKeys(byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length < MinimumSecretLength)
        {
            throw new ArgumentException($"The anonymity secret must be at least {MinimumSecretLength} bytes; it is {secret.Length}.", nameof(secret));
        }

        // A copy: the caller's array may be cleared or reused.
        _secret = (byte[])secret.Clone();
    }

    /// <summary>The key of a member's answer (scores and picks) to a run.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="memberId">The member.</param>
    public string AnswerKey(string runId, string memberId) => Key("answer", runId, memberId);

    private string Key(string purpose, string runId, string memberId)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        var message = Encoding.UTF8.GetBytes($"{purpose}\n{runId}\n{memberId}");
        return Base64Url.EncodeToString(HMACSHA256.HashData(_secret, message));
    }
}
