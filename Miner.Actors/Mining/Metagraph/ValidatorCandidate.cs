using Miner.Models.Bittensor.Wire;

namespace Miner.Actors.Mining.Metagraph;

/// <summary>
/// A neuron as the validator-set source reports it. <see cref="NotServingReason"/> is null when its axon serves at
/// an address the miner may call; otherwise it says why not (ip 0, refused address class, port 0), and
/// <see cref="NotServingKind"/> groups it for counts (<c>not serving</c>, <c>loopback address</c>; null reads as not serving).
/// </summary>
public sealed record ValidatorCandidate(int Uid, string Hotkey, AxonTarget? Axon, double StakeTao, string? NotServingReason, string? NotServingKind = null);
