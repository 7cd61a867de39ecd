using TrustBot.Testing;

namespace TrustBot.Tests.Hosting;

/// <summary>Tests that share one Azurite for this assembly.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Azurite";
}
