namespace Miner.Models.Bittensor.Chain;

/// <summary>
/// The neurons of one subnet at one block, in uid order (element i has uid i), with stake S as bittensor 9.9
/// defines it: <c>SubnetState.total_stake</c>, never the stake inside the neuron record.
/// </summary>
public sealed class Metagraph
{
    public const ulong RaoPerTao = 1_000_000_000;

    private readonly Dictionary<AccountId, MetagraphNeuron> _byHotkey;

    private Metagraph(ushort netuid, BlockRef block, IReadOnlyList<MetagraphNeuron> neurons)
    {
        Netuid = netuid;
        Block = block;
        Neurons = neurons;
        _byHotkey = new Dictionary<AccountId, MetagraphNeuron>(neurons.Count);
        foreach (var neuron in neurons)
        {
            if (!_byHotkey.TryAdd(neuron.Hotkey, neuron))
                throw new InvalidDataException($"subnet {netuid}: hotkey {neuron.Hotkey} holds more than one uid");
        }
    }

    public ushort Netuid { get; }

    public BlockRef Block { get; }

    public IReadOnlyList<MetagraphNeuron> Neurons { get; }

    /// <summary>
    /// Joins the two runtime-API answers of one block. Refuses (InvalidDataException) anything that does not line
    /// up — uids out of order, another subnet, hotkeys differing by uid, stake vectors of the wrong length — so a
    /// caller keeps its previous metagraph instead of using a half-right one.
    /// </summary>
    public static Metagraph Build(ushort netuid, BlockRef block, IReadOnlyList<NeuronInfoLite> neurons, SubnetState? state)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(neurons);
        if (state is null)
        {
            if (neurons.Count == 0) return new Metagraph(netuid, block, []);
            throw new InvalidDataException($"subnet {netuid} has {neurons.Count} neurons but no subnet state at {block}");
        }
        if (state.Netuid != netuid) throw new InvalidDataException($"subnet state is for subnet {state.Netuid}, expected {netuid}");
        var n = neurons.Count;
        RequireLength("hotkeys", state.Hotkeys.Count, n);
        RequireLength("alpha_stake", state.AlphaStake.Count, n);
        RequireLength("tao_stake", state.TaoStake.Count, n);
        RequireLength("total_stake", state.TotalStake.Count, n);

        var joined = new MetagraphNeuron[n];
        for (var uid = 0; uid < n; uid++)
        {
            var neuron = neurons[uid];
            if (neuron.Uid != uid) throw new InvalidDataException($"neuron at position {uid} has uid {neuron.Uid}");
            if (neuron.Netuid != netuid) throw new InvalidDataException($"neuron {uid} belongs to subnet {neuron.Netuid}, expected {netuid}");
            if (state.Hotkeys[uid] != neuron.Hotkey)
                throw new InvalidDataException($"uid {uid}: hotkey {neuron.Hotkey} in neurons but {state.Hotkeys[uid]} in subnet state");
            joined[uid] = new MetagraphNeuron
            {
                Uid = neuron.Uid,
                Hotkey = neuron.Hotkey,
                Coldkey = neuron.Coldkey,
                Active = neuron.Active,
                ValidatorPermit = neuron.ValidatorPermit,
                Axon = neuron.Axon,
                OwnStakeRao = neuron.OwnStakeRao,
                AlphaStakeRao = state.AlphaStake[uid],
                TaoStakeRao = state.TaoStake[uid],
                TotalStakeRao = state.TotalStake[uid],
                Rank = neuron.Rank,
                EmissionRao = neuron.EmissionRao,
                Incentive = neuron.Incentive,
                Consensus = neuron.Consensus,
                Trust = neuron.Trust,
                ValidatorTrust = neuron.ValidatorTrust,
                Dividends = neuron.Dividends,
                LastUpdate = neuron.LastUpdate,
                PruningScore = neuron.PruningScore,
            };
        }
        return new Metagraph(netuid, block, joined);
    }

    /// <summary>The neuron registered with <paramref name="hotkey"/>, or null; re-resolve after every sync.</summary>
    public MetagraphNeuron? FindByHotkey(AccountId hotkey) => _byHotkey.GetValueOrDefault(hotkey);

    /// <summary>
    /// Validators a miner may pull from (the 404-GEN rule): serving, total stake at least
    /// <paramref name="minStakeRao"/>, and an axon address the policy accepts. The permit is not checked.
    /// </summary>
    public IReadOnlyList<MetagraphNeuron> EligibleValidators(ulong minStakeRao, AxonAddressPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var eligible = new List<MetagraphNeuron>();
        foreach (var neuron in Neurons)
        {
            if (neuron.TotalStakeRao >= minStakeRao && policy.Evaluate(neuron.Axon).Allowed) eligible.Add(neuron);
        }
        return eligible;
    }

    private static void RequireLength(string vector, int actual, int expected)
    {
        if (actual != expected)
            throw new InvalidDataException($"subnet state {vector} has {actual} entries, neurons list has {expected}");
    }
}
