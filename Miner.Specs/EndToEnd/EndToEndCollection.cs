namespace Miner.Specs.EndToEnd;

/// <summary>
/// The end-to-end runs load both cores for a minute; run alone, after the parallel specs, so they neither starve the
/// real-time specs of threads nor get starved themselves.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection
{
    public const string Name = "end-to-end";
}
