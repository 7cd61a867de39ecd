using System.Text;

namespace TrustBot.Storage.Tests.Support;

/// <summary>
/// Seeded generator of ids: the shapes Teams and Entra ID really use, and hostile strings made of
/// forbidden characters, the escape character, non-Latin text and surrogate pairs. Seeded so a
/// failure reproduces.
/// </summary>
internal sealed class IdGenerator(int seed)
{
    private const string Base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private const string Hex = "0123456789abcdef";
    private readonly Random _random = new(seed);

    public IEnumerable<string> Ids(int count) => Enumerable.Range(0, count).Select(_ => Next());

    public string Next() => _random.Next(8) switch
    {
        0 => $"19:{Chars(Hex, 32)}@thread.tacv2",
        1 => $"19:meeting_{Chars(Base64[..^2], 48)}@thread.v2",
        2 => $"29:1{Chars(Base64, _random.Next(60, 140))}",
        3 => $"a:1{Chars(Base64[..^2] + "-_", _random.Next(60, 140))}",
        4 => $"8:orgid:{Guid(_random)}",
        5 => Guid(_random).ToString(),
        _ => Hostile(_random.Next(0, 150)),
    };

    public string Hostile(int length)
    {
        var builder = new StringBuilder();
        while (builder.Length < length)
        {
            switch (_random.Next(6))
            {
                case 0:
                    builder.Append("/\\#?%"[_random.Next(5)]);
                    break;
                case 1:
                    builder.Append((char)_random.Next(0, 0x20));
                    break;
                case 2:
                    builder.Append((char)_random.Next(0x7F, 0xA0));
                    break;
                case 3:
                    builder.Append(char.ConvertFromUtf32(_random.Next(0x10000, 0x10FFFF + 1)));
                    break;
                case 4:
                    builder.Append((char)_random.Next(0xA0, 0xD800));
                    break;
                default:
                    builder.Append((char)_random.Next(0x20, 0x7F));
                    break;
            }
        }

        return builder.ToString();
    }

    private static Guid Guid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private string Chars(string alphabet, int length) =>
        string.Create(length, (alphabet, _random), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.alphabet[state._random.Next(state.alphabet.Length)];
            }
        });
}
