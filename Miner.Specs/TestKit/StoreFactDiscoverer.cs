using Xunit.Abstractions;
using Xunit.Sdk;

namespace Miner.Specs.TestKit;

/// <summary>Creates <see cref="StoreTestCase"/>s for <see cref="StoreFactAttribute"/> methods.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        [new StoreTestCase(diagnostics, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)];
}
