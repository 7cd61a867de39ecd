using System.Net;
using System.Net.Sockets;

namespace TrustBot.Testing;

/// <summary>Free TCP ports on 127.0.0.1 for services a test starts.</summary>
public static class LoopbackPorts
{
    /// <summary>A port nothing listens on right now.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until the process accepts connections on the port; fails when it exits or the deadline passes.</summary>
    public static async Task WaitUntilListeningAsync(int port, TimeSpan deadline, ChildProcess process)
    {
        using var timeout = new CancellationTokenSource(deadline);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
                return;
            }
            catch (SocketException) when (process.HasExited)
            {
                throw new InvalidOperationException($"The process meant to listen on 127.0.0.1:{port} exited. It said: {process.Output}");
            }
            catch (SocketException)
            {
                // Not up yet: poll again. This waits on another process, not on our own code.
                await Task.Delay(100, timeout.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                if (timeout.IsCancellationRequested)
                {
                    throw new TimeoutException($"Nothing listened on 127.0.0.1:{port} after {deadline.TotalSeconds:0}s. It said: {process.Output}");
                }
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Nothing listened on 127.0.0.1:{port} after {deadline.TotalSeconds:0}s. It said: {process.Output}");
            }
        }
    }
}
