using Miner.Models.Configuration.Rules;

namespace Miner.Models.Bittensor.Chain;

/// <summary>Which subnet to read and which validators to trust (HOCON <c>miner.metagraph { }</c>).</summary>
public sealed class MetagraphOptions
{
    /// <summary>404-GEN runs on netuid 17 on finney.</summary>
    public ushort Netuid { get; set; } = 17;

    /// <summary>bittensor's <c>--neuron.sync_interval</c> default.</summary>
    [Positive(Max = "1d")]
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Minimum validator stake S in TAO-sized units (the subnet's <c>min_stake_to_set_weights</c> default).</summary>
    [NotNegative(Max = "21000000")] // TAO's total supply
    public decimal MinStakeTao { get; set; } = 1000m;

    /// <summary>Sync at the last finalized block (true) or at the best block as bittensor does (false).</summary>
    public bool UseFinalizedBlock { get; set; } = true;

    public bool AllowLoopbackAxons { get; set; }

    /// <summary>
    /// A devnet metagraph file (`miner devnet validators`) read instead of subtensor's metagraph; empty: subtensor.
    /// With a file, loopback axons are allowed whatever <see cref="AllowLoopbackAxons"/> says: its validators are local.
    /// </summary>
    public string File { get; set; } = "";

    public bool HasFile => !string.IsNullOrWhiteSpace(File);

    public bool AllowPrivateAxons { get; set; }

    public bool AllowLinkLocalAxons { get; set; }

    /// <summary>The minimum stake as the chain's integer, so the comparison has no float rounding.</summary>
    public ulong MinStakeRao => MinStakeTao >= 0
        ? (ulong)decimal.Round(MinStakeTao * Metagraph.RaoPerTao)
        : throw new ArgumentException("miner.metagraph.min-stake-tao must not be negative");

    public AxonAddressPolicy AddressPolicy => new(AllowLoopbackAxons || HasFile, AllowPrivateAxons, AllowLinkLocalAxons);
}
