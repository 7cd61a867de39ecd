namespace TrustBot.Testing;

/// <summary>Finds files of this repository from a running test.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder that holds <c>TrustBot.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The Node packages installed by <c>npm ci</c> at the root.</summary>
    public static string NodeModules => Path.Combine(Root, "node_modules");

    /// <summary>Where tests put artefacts a person may want to look at (screenshots, cards).</summary>
    public static string TestResults(string name)
    {
        var folder = Path.Combine(Environment.GetEnvironmentVariable("TRUSTBOT_TEST_RESULTS") ?? Path.Combine(Root, "TestResults"), name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>A Node package's file; fails with the command that fixes it when the package is missing.</summary>
    public static string NodePackageFile(params string[] relative)
    {
        var path = Path.Combine([NodeModules, .. relative]);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: run 'npm ci' in {Root} (scripts/test does it for you).");
        }

        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrustBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find TrustBot.sln above " + AppContext.BaseDirectory);
    }
}
