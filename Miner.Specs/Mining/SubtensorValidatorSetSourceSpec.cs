using Miner.Actors.Mining.Metagraph;
using Miner.Models.Bittensor.Chain;
using Miner.Models.Bittensor.Keys;

namespace Miner.Specs.Mining;

public sealed class SubtensorValidatorSetSourceSpec
{
    private static MetagraphNeuron Neuron(ushort uid, UInt128 ip, ushort port, ulong stakeRao)
    {
        var key = new AccountId(Enumerable.Range(0, 32).Select(i => (byte)(uid + i)).ToArray());
        return new MetagraphNeuron
        {
            Uid = uid, Hotkey = key, Coldkey = key, Active = true, ValidatorPermit = true,
            Axon = new AxonInfo(1, 1, ip, port, 4, 4, 0, 0), OwnStakeRao = 0, AlphaStakeRao = stakeRao, TaoStakeRao = 0,
            TotalStakeRao = stakeRao, Rank = 0, EmissionRao = 0, Incentive = 0, Consensus = 0, Trust = 0, ValidatorTrust = 0,
            Dividends = 0, LastUpdate = 0, PruningScore = 0,
        };
    }

    [Fact]
    public void A_serving_neuron_becomes_a_candidate_with_its_axon_hotkey_and_stake()
    {
        var candidate = SubtensorValidatorSetSource.ToCandidate(Neuron(7, 0xCB007105, 8091, 2_500_000_000_000), AxonAddressPolicy.PublicOnly);
        Assert.Null(candidate.NotServingReason);
        Assert.Equal((7, 2500.0, "203.0.113.5", 8091), (candidate.Uid, candidate.StakeTao, candidate.Axon!.Address.ToString(), candidate.Axon.Port));
        Assert.Equal(candidate.Hotkey, candidate.Axon.Hotkey);
        Assert.True(Ss58.TryDecode(candidate.Hotkey, out _));
    }

    [Fact]
    public void A_neuron_with_ip_zero_or_a_refused_address_is_not_serving()
    {
        Assert.Contains("not serving", SubtensorValidatorSetSource.ToCandidate(Neuron(1, 0, 8091, 0), AxonAddressPolicy.PublicOnly).NotServingReason);
        Assert.Contains("private", SubtensorValidatorSetSource.ToCandidate(Neuron(2, 0x0A000001, 8091, 0), AxonAddressPolicy.PublicOnly).NotServingReason);
    }
}
