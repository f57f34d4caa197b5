namespace Miner.Models.Bittensor.Chain;

/// <summary>
/// One uid of a <see cref="Metagraph"/>: identity and axon from <c>get_neurons_lite</c>, stakes from
/// <c>get_subnet_state</c> at the same block. Stakes are integers in rao-sized units (10^9 per token).
/// </summary>
public sealed record MetagraphNeuron
{
    public required ushort Uid { get; init; }
    public required AccountId Hotkey { get; init; }
    public required AccountId Coldkey { get; init; }
    public required bool Active { get; init; }
    public required bool ValidatorPermit { get; init; }
    public required AxonInfo Axon { get; init; }

    /// <summary>The stake carried in the neuron record (own alpha); shown for diagnostics, not used for S.</summary>
    public required ulong OwnStakeRao { get; init; }

    public required ulong AlphaStakeRao { get; init; }
    public required ulong TaoStakeRao { get; init; }

    /// <summary>The chain's stake weight: bittensor's <c>metagraph.S[uid]</c> × 10^9. Filter on this integer.</summary>
    public required ulong TotalStakeRao { get; init; }

    public required ushort Rank { get; init; }
    public required ulong EmissionRao { get; init; }
    public required ushort Incentive { get; init; }
    public required ushort Consensus { get; init; }
    public required ushort Trust { get; init; }
    public required ushort ValidatorTrust { get; init; }
    public required ushort Dividends { get; init; }
    public required ulong LastUpdate { get; init; }
    public required ushort PruningScore { get; init; }

    public bool IsServing => Axon.IsServing;

    /// <summary><c>S</c> as bittensor prints it (total stake / 10^9); for display only.</summary>
    public double S => TotalStakeRao / 1e9;
}
