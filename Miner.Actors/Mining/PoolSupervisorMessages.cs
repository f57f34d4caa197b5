namespace Miner.Actors.Mining;

/// <summary>Asks a <see cref="PoolSupervisor"/> for its GPU actors (answered with a list of refs).</summary>
public sealed record GetGpus;
