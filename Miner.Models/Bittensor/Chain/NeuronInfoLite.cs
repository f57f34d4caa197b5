namespace Miner.Models.Bittensor.Chain;

/// <summary>
/// One element of <c>NeuronInfoRuntimeApi_get_neurons_lite</c>. Score fields are raw integers as on the wire
/// (bittensor divides the u16 ones by 65535); rank, trust and pruning score are not to be relied on.
/// </summary>
public sealed record NeuronInfoLite
{
    /// <summary>Smallest possible encoding: keys, fixed-size axon/prometheus, an empty stake list, one-byte compacts.</summary>
    public const int MinEncodedLength = 2 * AccountId.Length + 3 + AxonInfo.EncodedLength + PrometheusInfo.EncodedLength + 11;

    public required AccountId Hotkey { get; init; }
    public required AccountId Coldkey { get; init; }
    public required ushort Uid { get; init; }
    public required ushort Netuid { get; init; }
    public required bool Active { get; init; }
    public required AxonInfo Axon { get; init; }
    public required PrometheusInfo Prometheus { get; init; }

    /// <summary>The hotkey's own stake (not the <c>S</c> a miner filters on: that comes from the subnet state).</summary>
    public required IReadOnlyList<StakeEntry> Stake { get; init; }

    public required ushort Rank { get; init; }
    public required ulong EmissionRao { get; init; }
    public required ushort Incentive { get; init; }
    public required ushort Consensus { get; init; }
    public required ushort Trust { get; init; }
    public required ushort ValidatorTrust { get; init; }
    public required ushort Dividends { get; init; }
    public required ulong LastUpdate { get; init; }
    public required bool ValidatorPermit { get; init; }
    public required ushort PruningScore { get; init; }

    /// <summary>Sum of the <see cref="Stake"/> entries (current runtimes send exactly one).</summary>
    public ulong OwnStakeRao
    {
        get
        {
            ulong total = 0;
            foreach (var entry in Stake) total = checked(total + entry.AmountRao);
            return total;
        }
    }

    public static NeuronInfoLite Read(ref ScaleReader reader) => Read(ref reader, withWeightsAndBonds: false, out _, out _);

    /// <summary>
    /// The lite layout; with <paramref name="withWeightsAndBonds"/> it is the full <c>NeuronInfo</c> layout, which
    /// inserts weights and bonds between the validator permit and the pruning score.
    /// </summary>
    internal static NeuronInfoLite Read(
        ref ScaleReader reader, bool withWeightsAndBonds, out UidValue[] weights, out UidValue[] bonds)
    {
        var hotkey = reader.ReadAccountId("hotkey");
        var coldkey = reader.ReadAccountId("coldkey");
        var uid = reader.ReadCompactU16("uid");
        var netuid = reader.ReadCompactU16("netuid");
        var active = reader.ReadBool("active");
        var axon = AxonInfo.Read(ref reader);
        var prometheus = PrometheusInfo.Read(ref reader);
        var stake = reader.ReadVec("stake", StakeEntry.MinEncodedLength, StakeEntry.Read);
        var rank = reader.ReadCompactU16("rank");
        var emission = reader.ReadCompactU64("emission");
        var incentive = reader.ReadCompactU16("incentive");
        var consensus = reader.ReadCompactU16("consensus");
        var trust = reader.ReadCompactU16("trust");
        var validatorTrust = reader.ReadCompactU16("validator_trust");
        var dividends = reader.ReadCompactU16("dividends");
        var lastUpdate = reader.ReadCompactU64("last_update");
        var permit = reader.ReadBool("validator_permit");
        weights = withWeightsAndBonds ? reader.ReadVec("weights", UidValue.MinEncodedLength, UidValue.Read) : [];
        bonds = withWeightsAndBonds ? reader.ReadVec("bonds", UidValue.MinEncodedLength, UidValue.Read) : [];
        var pruning = reader.ReadCompactU16("pruning_score");
        return new NeuronInfoLite
        {
            Hotkey = hotkey,
            Coldkey = coldkey,
            Uid = uid,
            Netuid = netuid,
            Active = active,
            Axon = axon,
            Prometheus = prometheus,
            Stake = stake,
            Rank = rank,
            EmissionRao = emission,
            Incentive = incentive,
            Consensus = consensus,
            Trust = trust,
            ValidatorTrust = validatorTrust,
            Dividends = dividends,
            LastUpdate = lastUpdate,
            ValidatorPermit = permit,
            PruningScore = pruning,
        };
    }
}
