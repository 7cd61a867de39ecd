using System.Globalization;

namespace TrustBot.Cards;

/// <summary>Text helpers for cards.</summary>
public static class CardText
{
    /// <summary>
    /// A date and time that Teams shows in the reader's own time zone and language, using the
    /// Adaptive Cards DATE/TIME functions.
    /// </summary>
    public static string LocalDateTime(DateTimeOffset instant)
    {
        var iso = instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return $"{{{{DATE({iso}, SHORT)}}}} {{{{TIME({iso})}}}}";
    }

    /// <summary>A share from 0 to 1 as a whole percentage, "75%".</summary>
    public static string Percent(double share) =>
        Math.Round(share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
