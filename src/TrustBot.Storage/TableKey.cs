using System.Buffers;
using System.Globalization;
using System.Text;

namespace TrustBot.Storage;

/// <summary>
/// The one reversible encoding of ids (Teams, AAD, our own) into PartitionKey and RowKey values.
/// </summary>
/// <remarks>
/// Table keys forbid <c>/</c>, <c>\</c>, <c>#</c>, <c>?</c> and the control characters U+0000–U+001F
/// and U+007F–U+009F. Each of those, the escape character <c>%</c> and the <see cref="Separator"/>
/// of composite keys become <c>%XX</c>
/// (two upper-case hex digits); every other character is kept, so ordinary Teams ids such as
/// <c>19:abc@thread.tacv2</c> are stored as they are and stay readable in Storage Explorer.
/// Because each character is encoded on its own into a prefix-free code, the encoding is
/// injective and <c>Encode(a + b) == Encode(a) + Encode(b)</c>: a prefix scan over encoded keys
/// finds exactly the ids with that prefix. Ordinal order is preserved among ids without
/// escaped characters (every Teams id shape except base64 ids containing <c>/</c>); an escaped
/// character sorts as <c>%</c> against unescaped ones. Keys longer than <see cref="MaxLength"/>
/// after encoding are refused, never truncated, since truncation would merge different ids.
/// </remarks>
public static class TableKey
{
    /// <summary>
    /// Longest key, in UTF-16 code units, after encoding: keys may be 1 KiB and the service
    /// counts UTF-16, so 512 (the limit Azurite enforces too).
    /// </summary>
    public const int MaxLength = 512;

    /// <summary>
    /// Joins the encoded parts of a composite key (see <see cref="Compose"/>); escaped inside parts,
    /// so a composite key splits back into exactly its parts.
    /// </summary>
    public const char Separator = '|';

    private const char Escape = '%';

    private static readonly SearchValues<char> Forbidden = SearchValues.Create(
        Enumerable.Range(0, 0xA0).Select(i => (char)i).Where(IsForbidden).ToArray());

    /// <summary>Encodes an id as a key; throws <see cref="ArgumentException"/> when the result would be too long or the id is not valid UTF-16.</summary>
    public static string Encode(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var builder = new StringBuilder(id.Length);
        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (char.IsHighSurrogate(c) && i + 1 < id.Length && char.IsLowSurrogate(id[i + 1]))
            {
                builder.Append(c).Append(id[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                // A lone surrogate has no UTF-8 form, so the service could not store it faithfully.
                throw new ArgumentException($"The id has an unpaired surrogate at index {i} and cannot be a table key.", nameof(id));
            }
            else if (MustEscape(c))
            {
                builder.Append(Escape).Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        if (builder.Length > MaxLength)
        {
            throw new ArgumentException(
                $"The id is {builder.Length} characters long once encoded; table keys allow at most {MaxLength}. It is refused rather than truncated.",
                nameof(id));
        }

        return builder.ToString();
    }

    /// <summary>Decodes a key made by <see cref="Encode"/> back into the id; throws <see cref="FormatException"/> for anything else.</summary>
    public static string Decode(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var builder = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] != Escape)
            {
                builder.Append(key[i]);
                continue;
            }

            if (i + 2 >= key.Length
                || !int.TryParse(key.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                || !MustEscape((char)code)
                || key[i + 1] is >= 'a' and <= 'f' || key[i + 2] is >= 'a' and <= 'f')
            {
                // Only the exact form Encode writes is accepted, so every id has one key and back.
                throw new FormatException($"'{key}' is not a key made by TableKey.Encode: bad escape at index {i}.");
            }

            builder.Append((char)code);
            i += 2;
        }

        return builder.ToString();
    }

    /// <summary>
    /// A key made of several ids, e.g. <c>Compose(runId, memberId)</c>, so that
    /// <c>Compose(runId) + Separator</c> is the row key prefix of all the run's rows.
    /// </summary>
    public static string Compose(params string[] ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentOutOfRangeException.ThrowIfZero(ids.Length);
        var key = string.Join(Separator, ids.Select(id => Encode(id)));
        return key.Length <= MaxLength
            ? key
            : throw new ArgumentException($"The composite key is {key.Length} characters long; table keys allow at most {MaxLength}.", nameof(ids));
    }

    /// <summary>The ids a key made by <see cref="Compose"/> was made of.</summary>
    public static IReadOnlyList<string> Decompose(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Split(Separator).Select(Decode).ToList();
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="key"/> is a value the service accepts as a key.</summary>
    public static void EnsureValid(string key, string paramName)
    {
        ArgumentNullException.ThrowIfNull(key, paramName);
        if (key.Length > MaxLength)
        {
            throw new ArgumentException($"Table keys allow at most {MaxLength} characters; this one has {key.Length}.", paramName);
        }

        var bad = key.AsSpan().IndexOfAny(Forbidden);
        if (bad >= 0)
        {
            throw new ArgumentException(
                $"Table keys cannot contain U+{(int)key[bad]:X4} (index {bad}); build keys with TableKey.Encode.", paramName);
        }
    }

    private static bool MustEscape(char c) => c is Escape or Separator || IsForbidden(c);

    private static bool IsForbidden(char c) => c is '/' or '\\' or '#' or '?' or <= '\u001F' or (>= '\u007F' and <= '\u009F');
}
