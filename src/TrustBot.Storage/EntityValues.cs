using Azure.Data.Tables;

namespace TrustBot.Storage;

/// <summary>
/// Reads the properties a mapper wrote back out of an entity. A missing or malformed property means
/// the row was not written by its mapper, so it fails loudly instead of inventing a default.
/// </summary>
internal static class EntityValues
{
    public static string RequiredString(this TableEntity entity, string property) =>
        entity.GetString(property) ?? throw Missing(entity, property);

    public static int RequiredInt32(this TableEntity entity, string property) =>
        entity.GetInt32(property) ?? throw Missing(entity, property);

    public static DateTimeOffset RequiredDateTimeOffset(this TableEntity entity, string property) =>
        entity.GetDateTimeOffset(property) ?? throw Missing(entity, property);

    /// <summary>An enum stored by name (names survive reordering of the enum; numbers would not).</summary>
    public static TEnum RequiredEnum<TEnum>(this TableEntity entity, string property)
        where TEnum : struct, Enum
    {
        var text = entity.RequiredString(property);
        return Enum.TryParse<TEnum>(text, ignoreCase: false, out var value) && Enum.IsDefined(value) && !char.IsAsciiDigit(text[0])
            ? value
            : throw new InvalidDataException($"Property {property} of {Describe(entity)} is '{text}', not a {typeof(TEnum).Name}.");
    }

    private static InvalidDataException Missing(TableEntity entity, string property) =>
        new($"Property {property} of {Describe(entity)} is missing or has the wrong type.");

    private static string Describe(TableEntity entity) => $"entity ({entity.PartitionKey}, {entity.RowKey})";
}
