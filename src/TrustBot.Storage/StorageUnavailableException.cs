namespace TrustBot.Storage;

/// <summary>
/// Storage did not answer, or kept failing transiently, within the bounded time of
/// <see cref="StorageResilience"/>. Nothing about the data is known to be wrong: the caller can
/// tell the user to try again later.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    /// <summary>Creates the exception with the default message.</summary>
    public StorageUnavailableException()
        : this("Storage is unavailable.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the last failure seen.</summary>
    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
