// The deployment tests run the Linux build of the Bicep compiler and bash scripts: Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
