namespace TrustBot.Testing;

/// <summary>
/// The Microsoft 365 Agents Playground (a Teams emulator) on a free loopback port, with the mock
/// team in <c>.m365agentsplayground.yml</c>, pointed at a bot endpoint. Started through
/// <c>tools/playground/start.sh</c>, the same way <c>scripts/run</c> starts it.
/// </summary>
public sealed class PlaygroundFixture : IDisposable
{
    private readonly ChildProcess _playground;

    private PlaygroundFixture(ChildProcess playground, int port)
    {
        _playground = playground;
        Port = port;
    }

    /// <summary>The port the Playground's web page and mock Bot Connector listen on.</summary>
    public int Port { get; }

    /// <summary>The Playground's web page.</summary>
    public Uri Url => new($"http://127.0.0.1:{Port}/");

    /// <summary>What the Playground printed so far, for failure messages.</summary>
    public string Output => _playground.Output;

    /// <summary>Starts the Playground and waits until it answers.</summary>
    public static async Task<PlaygroundFixture> StartAsync(Uri botEndpoint, string logFile)
    {
        var port = LoopbackPorts.Free();
        var playground = ChildProcess.Start(
            "bash",
            [Path.Combine(RepositoryPaths.Root, "tools", "playground", "start.sh"), port.ToString(System.Globalization.CultureInfo.InvariantCulture), botEndpoint.ToString()],
            RepositoryPaths.Root,
            new Dictionary<string, string> { ["M365_AGENTS_PLAYGROUND_LOGFILE"] = logFile });
        try
        {
            await LoopbackPorts.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(60), playground);
            return new PlaygroundFixture(playground, port);
        }
        catch
        {
            playground.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _playground.Dispose();
}
