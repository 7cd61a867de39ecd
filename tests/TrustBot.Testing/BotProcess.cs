using System.Globalization;

namespace TrustBot.Testing;

/// <summary>
/// The built bot (<c>TrustBot.dll</c>, copied next to the tests and benchmarks that reference it)
/// running as a process of its own with Development settings on loopback: what a test kills with
/// SIGKILL to see a crash, and what a benchmark measures alone.
/// </summary>
public sealed class BotProcess : IDisposable
{
    private readonly ChildProcess _process;

    private BotProcess(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>The loopback port the bot listens on.</summary>
    public int Port { get; }

    /// <summary>The process, for its id, output and memory.</summary>
    public ChildProcess Process => _process;

    /// <summary>
    /// Starts the bot with <paramref name="settings"/> (configuration keys such as
    /// <c>Storage:ConnectionString</c>, passed as environment variables) and waits until it listens.
    /// </summary>
    public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, TimeSpan deadline)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var port = LoopbackPorts.Free();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"),
            // The SDK logs several lines a send at Information: for thousands of sends that is only noise and time.
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? string.Empty;
        }

        var directory = AppContext.BaseDirectory;
        var dll = Path.Combine(directory, "TrustBot.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build the project that references src/TrustBot first.");
        }

        var process = ChildProcess.Start("dotnet", [dll], directory, environment);
        try
        {
            await LoopbackPorts.WaitUntilListeningAsync(port, deadline, process);
        }
        catch
        {
            process.Dispose();
            throw;
        }

        return new BotProcess(process, port);
    }

    /// <summary>Kills the bot with SIGKILL, as a crash or an out-of-memory kill would.</summary>
    public void Kill() => _process.Kill();

    /// <inheritdoc />
    public void Dispose() => _process.Dispose();
}
