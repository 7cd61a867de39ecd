namespace TrustBot.Bot;

/// <summary>
/// An authenticated activity TrustBot will not process (another channel than Teams, a tenant the
/// deployment does not serve). Thrown before the turn starts, so nothing is read or written; the
/// messages endpoint answers it with <see cref="Status"/> and the message as a problem.
/// </summary>
public sealed class ActivityRefusedException : Exception
{
    /// <summary>Creates the refusal.</summary>
    /// <param name="status">The HTTP status to answer with.</param>
    /// <param name="message">What is wrong, for whoever reads the response.</param>
    public ActivityRefusedException(int status, string message)
        : base(message) => Status = status;

    /// <summary>Creates a 400 refusal (the form callers of <see cref="Exception"/> expect).</summary>
    public ActivityRefusedException()
        : this(StatusCodes.Status400BadRequest, "The activity was refused.")
    {
    }

    /// <summary>Creates a 400 refusal.</summary>
    public ActivityRefusedException(string message)
        : this(StatusCodes.Status400BadRequest, message)
    {
    }

    /// <summary>Creates a 400 refusal with its cause.</summary>
    public ActivityRefusedException(string message, Exception innerException)
        : base(message, innerException) => Status = StatusCodes.Status400BadRequest;

    /// <summary>The HTTP status to answer with: 400 for another channel, 403 for a tenant not served.</summary>
    public int Status { get; }
}
