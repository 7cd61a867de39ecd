using TrustBot.Testing;

namespace TrustBot.Storage.Tests.Support;

/// <summary>Tests that share one Azurite; each uses its own table prefix.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}

/// <summary>Fault tests stop and start their own Azurite, so they never disturb the shared one.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteFaultCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite faults";
}
