using System.Diagnostics;
using System.Text;

namespace TrustBot.Testing;

/// <summary>A process a fixture started; its output is kept for error messages, and it dies with the fixture.</summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ChildProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>What the process printed so far (last 4,000 characters).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                var text = _output.ToString();
                return text.Length <= 4000 ? text : text[^4000..];
            }
        }
    }

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The operating system's id of the process.</summary>
    public int Id => _process.Id;

    /// <summary>
    /// The most memory the process has had resident so far (Linux <c>VmHWM</c>: its peak working
    /// set), read from <c>/proc</c> while it runs; null where that cannot be read.
    /// </summary>
    public long? PeakWorkingSetBytes
    {
        get
        {
            var status = $"/proc/{_process.Id}/status";
            try
            {
                var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    /// <summary>Kills the process at once (SIGKILL on Linux: it gets no chance to finish anything) and waits for it to be gone.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit(10_000);
    }

    /// <summary>Starts <c>node</c> with a script and arguments, in a working folder.</summary>
    public static ChildProcess StartNode(string script, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string>? environment = null) =>
        Start("node", [script, .. arguments], workingDirectory, environment);

    /// <summary>Starts a program with arguments, in a working folder, with extra environment variables.</summary>
    public static ChildProcess Start(string program, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return new ChildProcess(Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}."));
    }

    /// <summary>Kills the process and its children, and waits for it to exit.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
