using System.Reflection;
using TrustBot.Testing;

namespace TrustBot.Deployment.Tests.Support;

/// <summary>Files of the repository and the tools the deployment tests run.</summary>
internal static class Repo
{
    public static string Root => RepositoryPaths.Root;

    public static string File(params string[] relative) => Path.Combine([Root, .. relative]);

    /// <summary>The bicep executable from the Azure.Bicep.CommandLine.linux-x64 package, made executable if it is not.</summary>
    public static string Bicep()
    {
        var metadata = typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        var packages = metadata.GetValueOrDefault("NuGetPackageRoot");
        if (string.IsNullOrEmpty(packages))
        {
            packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }

        var bicep = Path.Combine(packages, "azure.bicep.commandline.linux-x64", metadata["BicepVersion"]!, "tools", "bicep");
        if (!System.IO.File.Exists(bicep))
        {
            throw new InvalidOperationException($"{bicep} is missing: restore tests/TrustBot.Deployment.Tests (its PackageDownload fetches the Bicep compiler).");
        }

        var mode = System.IO.File.GetUnixFileMode(bicep);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            System.IO.File.SetUnixFileMode(bicep, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return bicep;
    }

    public static string BicepVersion =>
        typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepVersion").Value!;

    public static bool IsExecutable(string path) =>
        System.IO.File.Exists(path) && System.IO.File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute);

    /// <summary>A fresh temporary folder, removed by the caller.</summary>
    public static string TempFolder(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), $"trustbot-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }
}
