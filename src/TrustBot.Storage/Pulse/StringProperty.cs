using System.Text.Json;
using Azure.Data.Tables;

namespace TrustBot.Storage.Pulse;

/// <summary>
/// String properties that can grow with their content (JSON, free text). The service stores at most
/// 64 KiB per string property (32,768 UTF-16 characters) and 1 MiB per entity; a value over the
/// limit is refused here with a clear message before anything is written, instead of failing a
/// whole transaction at the service.
/// </summary>
internal static class StringProperty
{
    /// <summary>The longest string property, in UTF-16 characters.</summary>
    public const int MaxLength = 32 * 1024;

    public static string Fit(string value, string property) =>
        value.Length <= MaxLength
            ? value
            : throw new ArgumentException($"{property} is {value.Length} characters long; a stored text holds at most {MaxLength}.", nameof(value));

    /// <summary>A value as one JSON string property: read and written whole, so one property beats one per field.</summary>
    public static string ToJson<T>(T value, string property) => Fit(JsonSerializer.Serialize(value), property);

    public static T FromJson<T>(this TableEntity entity, string property) =>
        JsonSerializer.Deserialize<T>(entity.RequiredString(property))
            ?? throw new InvalidDataException($"Property {property} of entity ({entity.PartitionKey}, {entity.RowKey}) is JSON null.");
}
