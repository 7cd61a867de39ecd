using System.Diagnostics;

namespace TrustBot.Testing;

/// <summary>The outcome of a program the tests ran.</summary>
public sealed record RunResult(int ExitCode, string Output, string Error)
{
    /// <summary>Everything the program printed, standard output first.</summary>
    public string All => Output + Error;
}

/// <summary>Runs a program to completion with a time limit, capturing what it prints.</summary>
public static class Run
{
    /// <summary>Runs the program; throws <see cref="TimeoutException"/> (after killing it) when it takes longer than the limit (60 s by default).</summary>
    public static async Task<RunResult> Async(string program, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not finish in time.");
        }

        return new RunResult(process.ExitCode, await output, await error);
    }
}
