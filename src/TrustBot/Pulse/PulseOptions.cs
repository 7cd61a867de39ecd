using System.ComponentModel.DataAnnotations;

namespace TrustBot.Pulse;

/// <summary>How pulse check-ins run (configuration section <c>Pulse</c>).</summary>
public sealed class PulseOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Pulse";

    /// <summary>
    /// Base64 of the secret (at least 32 bytes) that keys anonymous answers and seals them while
    /// their run is open (<see cref="Domain.Pulse.AnswerSeal"/>). Anyone holding it and the tables of
    /// an open run could tell who answered what, so keep it in Key Vault, apart from storage.
    /// Changing it orphans the answers of open runs (they no longer open and are left out of the close).
    /// </summary>
    [Required(ErrorMessage = "Pulse:AnonymitySecret is required: base64 of at least 32 random bytes (e.g. `openssl rand -base64 32`).")]
    public string AnonymitySecret { get; set; } = string.Empty;

    /// <summary>k: the fewest respondents any number is shown for. Never below 3; frozen on each run when it opens.</summary>
    [Range(3, 1000, ErrorMessage = "Pulse:AnonymityThreshold must be at least 3.")]
    public int AnonymityThreshold { get; set; } = 3;

    /// <summary>How many days a run stays open.</summary>
    [Range(1, 14, ErrorMessage = "Pulse:WindowDays must be between 1 and 14.")]
    public int WindowDays { get; set; } = 3;

    /// <summary>Factor items per run (the overall-trust item comes on top).</summary>
    [Range(4, 6, ErrorMessage = "Pulse:ItemsPerRun must be between 4 and 6.")]
    public int ItemsPerRun { get; set; } = 5;

    /// <summary>The decoded secret; throws when it is not base64 of at least 32 bytes.</summary>
    public byte[] SecretBytes()
    {
        try
        {
            var bytes = Convert.FromBase64String(AnonymitySecret);
            if (bytes.Length >= 32)
            {
                return bytes;
            }
        }
        catch (FormatException)
        {
            // Reported below with the rule.
        }

        throw new InvalidOperationException("Pulse:AnonymitySecret must be base64 of at least 32 random bytes.");
    }
}
