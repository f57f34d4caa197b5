using Miner.Models.Bittensor.Wire;

namespace Miner.Actors.Mining.Edge;

/// <summary>An eligible validator as the mining actors know it: uid, hotkey (SS58), axon and stake S in TAO units.</summary>
public sealed record ValidatorInfo(int Uid, string Hotkey, AxonTarget Axon, double StakeTao)
{
    public override string ToString() => $"validator {Uid} ({Hotkey})";
}
