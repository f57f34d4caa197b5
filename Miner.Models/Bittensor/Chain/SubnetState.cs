namespace Miner.Models.Bittensor.Chain;

/// <summary>
/// <c>SubnetInfoRuntimeApi_get_subnet_state</c>: per-uid vectors, element i describing uid i. Each vector has
/// its own length (newer runtimes may send some empty), so consumers check lengths before indexing.
/// <see cref="TotalStake"/> is what bittensor shows as <c>metagraph.S</c> (in rao-sized units).
/// </summary>
public sealed record SubnetState
{
    public required ushort Netuid { get; init; }
    public required IReadOnlyList<AccountId> Hotkeys { get; init; }
    public required IReadOnlyList<AccountId> Coldkeys { get; init; }
    public required IReadOnlyList<bool> Active { get; init; }
    public required IReadOnlyList<bool> ValidatorPermit { get; init; }
    public required IReadOnlyList<ushort> PruningScore { get; init; }
    public required IReadOnlyList<ulong> LastUpdate { get; init; }
    public required IReadOnlyList<ulong> Emission { get; init; }
    public required IReadOnlyList<ushort> Dividends { get; init; }
    public required IReadOnlyList<ushort> Incentives { get; init; }
    public required IReadOnlyList<ushort> Consensus { get; init; }
    public required IReadOnlyList<ushort> Trust { get; init; }
    public required IReadOnlyList<ushort> Rank { get; init; }
    public required IReadOnlyList<ulong> BlockAtRegistration { get; init; }
    public required IReadOnlyList<ulong> AlphaStake { get; init; }
    public required IReadOnlyList<ulong> TaoStake { get; init; }
    public required IReadOnlyList<ulong> TotalStake { get; init; }

    /// <summary>One row per existing subnet, each with one value per hotkey.</summary>
    public required IReadOnlyList<IReadOnlyList<ulong>> EmissionHistory { get; init; }

    public static SubnetState Read(ref ScaleReader reader)
    {
        static AccountId Key(ref ScaleReader r) => r.ReadAccountId(ScaleReader.Element);
        static bool Flag(ref ScaleReader r) => r.ReadBool(ScaleReader.Element);
        static ushort U16(ref ScaleReader r) => r.ReadCompactU16(ScaleReader.Element);
        static ulong U64(ref ScaleReader r) => r.ReadCompactU64(ScaleReader.Element);
        static IReadOnlyList<ulong> Row(ref ScaleReader r) => r.ReadVec(ScaleReader.Element, 1, U64);

        return new SubnetState
        {
            Netuid = reader.ReadCompactU16("netuid"),
            Hotkeys = reader.ReadVec("hotkeys", AccountId.Length, Key),
            Coldkeys = reader.ReadVec("coldkeys", AccountId.Length, Key),
            Active = reader.ReadVec("active", 1, Flag),
            ValidatorPermit = reader.ReadVec("validator_permit", 1, Flag),
            PruningScore = reader.ReadVec("pruning_score", 1, U16),
            LastUpdate = reader.ReadVec("last_update", 1, U64),
            Emission = reader.ReadVec("emission", 1, U64),
            Dividends = reader.ReadVec("dividends", 1, U16),
            Incentives = reader.ReadVec("incentives", 1, U16),
            Consensus = reader.ReadVec("consensus", 1, U16),
            Trust = reader.ReadVec("trust", 1, U16),
            Rank = reader.ReadVec("rank", 1, U16),
            BlockAtRegistration = reader.ReadVec("block_at_registration", 1, U64),
            AlphaStake = reader.ReadVec("alpha_stake", 1, U64),
            TaoStake = reader.ReadVec("tao_stake", 1, U64),
            TotalStake = reader.ReadVec("total_stake", 1, U64),
            EmissionHistory = reader.ReadVec("emission_history", 1, Row),
        };
    }
}
