namespace TrustBot.Storage;

/// <summary>
/// A table TrustBot uses: created at start-up, and searched by <see cref="DataDeletion"/>.
/// Every registered table keeps a team's data in the partition <c>TableKey.Encode(teamId)</c>.
/// </summary>
public sealed record TableRegistration
{
    /// <summary>
    /// The string property that names the member an entity is about (the member's id, not encoded),
    /// in tables registered with <see cref="HoldsMemberData"/>.
    /// </summary>
    public const string MemberKeyProperty = "MemberKey";

    /// <summary>Registers a table name (2–20 letters or digits, starting with a letter; the prefix is added later).</summary>
    public TableRegistration(string name, bool holdsMemberData)
    {
        Name = StorageNames.EnsureValid(name, nameof(name));
        HoldsMemberData = holdsMemberData;
    }

    /// <summary>The table's name without the prefix, e.g. <c>Pulses</c>.</summary>
    public string Name { get; }

    /// <summary>Whether entities about one member carry <see cref="MemberKeyProperty"/>, so a "forget me" must search this table.</summary>
    public bool HoldsMemberData { get; }
}

/// <summary>A queue TrustBot uses, created at start-up.</summary>
public sealed record QueueRegistration
{
    /// <summary>Registers a queue name (2–20 letters or digits, starting with a letter; the prefix is added later).</summary>
    public QueueRegistration(string name) => Name = StorageNames.EnsureValid(name, nameof(name));

    /// <summary>The queue's name without the prefix.</summary>
    public string Name { get; }
}

/// <summary>The rule for the names tables and queues are registered with.</summary>
internal static class StorageNames
{
    // With a prefix of at most 40 characters and a dash for queues, names stay within the services' 63.
    public static string EnsureValid(string name, string paramName)
    {
        if (name is null || name.Length is < 2 or > 20 || !char.IsAsciiLetter(name[0]) || !name.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"Table and queue names must be 2-20 letters or digits starting with a letter; got '{name}'.", paramName);
        }

        return name;
    }
}
