using Xunit.Sdk;

namespace Miner.Specs.TestKit;

/// <summary>
/// A fact of a shared conformance suite (an abstract spec class run once per store). It runs like a plain fact,
/// but in a concrete class marked <see cref="RequiresPostgresAttribute"/> it is skipped, with the reason, when no
/// throwaway PostgreSQL can be started here.
/// </summary>
[XunitTestCaseDiscoverer("Miner.Specs.TestKit.StoreFactDiscoverer", "Miner.Specs")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;
