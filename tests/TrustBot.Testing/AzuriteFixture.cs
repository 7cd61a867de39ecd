using System.Globalization;
using Xunit;

namespace TrustBot.Testing;

/// <summary>
/// A real Azurite (Azure Storage emulator) on free loopback ports, in memory, started for a test
/// collection and stopped after it. <see cref="StopAsync"/> and <see cref="StartAsync"/> let fault
/// tests take storage away mid-sequence.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly int _blobPort = LoopbackPorts.Free();
    private readonly int _queuePort = LoopbackPorts.Free();
    private readonly int _tablePort = LoopbackPorts.Free();
    private ChildProcess? _azurite;
    private int _prefixCounter;

    /// <summary>Connection string for the running emulator.</summary>
    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AccountKey + ";" +
        $"BlobEndpoint=http://127.0.0.1:{_blobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{_queuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{_tablePort}/devstoreaccount1;";

    /// <summary>A table/queue name prefix no other test uses, so tests never see each other's data.</summary>
    public string UniquePrefix() => $"t{Environment.ProcessId}x{Interlocked.Increment(ref _prefixCounter)}";

    /// <inheritdoc />
    public Task InitializeAsync() => StartAsync();

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        Stop();
        return Task.CompletedTask;
    }

    /// <summary>Starts the emulator (again) on the same ports. Data does not survive a stop.</summary>
    public async Task StartAsync()
    {
        _azurite = ChildProcess.StartNode(
            RepositoryPaths.NodePackageFile("azurite", "dist", "src", "azurite.js"),
            [
                "--blobHost", "127.0.0.1", "--blobPort", _blobPort.ToString(CultureInfo.InvariantCulture),
                "--queueHost", "127.0.0.1", "--queuePort", _queuePort.ToString(CultureInfo.InvariantCulture),
                "--tableHost", "127.0.0.1", "--tablePort", _tablePort.ToString(CultureInfo.InvariantCulture),
                "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry", "--silent",
            ],
            Directory.CreateTempSubdirectory("trustbot-azurite-").FullName);
        foreach (var port in new[] { _tablePort, _queuePort })
        {
            await LoopbackPorts.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(60), _azurite);
        }
    }

    /// <summary>Stops the emulator; storage calls fail until <see cref="StartAsync"/>.</summary>
    public Task StopAsync()
    {
        Stop();
        return Task.CompletedTask;
    }

    private void Stop()
    {
        _azurite?.Dispose();
        _azurite = null;
    }
}
