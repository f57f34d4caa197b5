using Xunit.Abstractions;
using Xunit.Sdk;

namespace Miner.Specs.TestKit;

/// <summary>A conformance fact whose skip reason depends on the concrete class it runs in (see <see cref="StoreFactAttribute"/>).</summary>
public sealed class StoreTestCase : XunitTestCase
{
    [Obsolete("for the xunit deserializer only")]
    public StoreTestCase()
    {
    }

    public StoreTestCase(IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod)
        : base(diagnostics, display, displayOptions, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute)
    {
        var type = TestMethod.TestClass.Class.ToRuntimeType();
        if (type?.IsDefined(typeof(RequiresPostgresAttribute), inherit: true) == true && ThrowawayPostgres.UnavailableReason is { } reason)
            return reason;
        return base.GetSkipReason(factAttribute);
    }
}
