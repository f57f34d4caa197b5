namespace Miner.Specs.TestKit;

/// <summary>Marks a concrete store-conformance class whose <see cref="StoreFactAttribute"/> facts need a throwaway PostgreSQL.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgresAttribute : Attribute;
