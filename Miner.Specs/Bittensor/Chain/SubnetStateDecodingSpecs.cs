using System.Globalization;
using Miner.Models.Bittensor.Chain;
using Miner.Specs.TestKit;
using static Miner.Specs.Bittensor.Chain.ChainFixtures;

namespace Miner.Specs.Bittensor.Chain;

public sealed class SubnetStateDecodingSpecs
{
    [FixtureFact]
    public void The_tiny_localnet_state_decodes_to_the_readme_values()
    {
        var state = RuntimeApiDecoders.SubnetState(Bytes(SubnetStateTiny));

        Assert.NotNull(state);
        Assert.Equal(1, state.Netuid);
        Assert.Equal([default(AccountId)], state.Hotkeys);
        Assert.Equal([default(AccountId)], state.Coldkeys);
        Assert.Equal([false], state.Active);
        Assert.Equal([true], state.ValidatorPermit);
        Assert.Equal([(ushort)65535], state.PruningScore);
        Assert.Equal([0UL], state.LastUpdate);
        Assert.Equal([82820462378UL], state.Emission);
        Assert.All(new[] { state.Dividends, state.Incentives, state.Consensus, state.Trust, state.Rank },
            v => Assert.Equal([(ushort)0], v));
        Assert.Equal([0UL], state.BlockAtRegistration);
        Assert.Equal([8943149922982UL], state.AlphaStake);
        Assert.Equal([0UL], state.TaoStake);
        Assert.Equal([8943149922982UL], state.TotalStake);
        Assert.Equal(2, state.EmissionHistory.Count);
        Assert.All(state.EmissionHistory, row => Assert.Equal([0UL], row));
    }

    [FixtureFact]
    public void Every_sn1_per_uid_vector_has_1024_entries_and_the_history_129_rows()
    {
        var s = Sn1State;
        Assert.Equal(1, s.Netuid);
        Assert.All(new[]
        {
            s.Hotkeys.Count, s.Coldkeys.Count, s.Active.Count, s.ValidatorPermit.Count, s.PruningScore.Count,
            s.LastUpdate.Count, s.Emission.Count, s.Dividends.Count, s.Incentives.Count, s.Consensus.Count,
            s.Trust.Count, s.Rank.Count, s.BlockAtRegistration.Count, s.AlphaStake.Count, s.TaoStake.Count,
            s.TotalStake.Count,
        }, count => Assert.Equal(1024, count));
        Assert.Equal(129, s.EmissionHistory.Count);
        Assert.All(s.EmissionHistory, row => Assert.Equal(1024, row.Count));
    }

    [FixtureFact]
    public void The_sn1_state_keys_equal_those_of_the_neurons_payload()
    {
        Assert.Equal(Sn1Neurons.Select(n => n.Hotkey), Sn1State.Hotkeys);
        Assert.Equal(Sn1Neurons.Select(n => n.Coldkey), Sn1State.Coldkeys);
    }

    [FixtureFact]
    public void Every_sn1_csv_stake_cell_matches_the_decoded_state()
    {
        var s = Sn1State;
        var columns = new Dictionary<string, Func<int, string>>
        {
            ["ss_alpha_stake_rao"] = u => s.AlphaStake[u].ToString(CultureInfo.InvariantCulture),
            ["ss_tao_stake_rao"] = u => s.TaoStake[u].ToString(CultureInfo.InvariantCulture),
            ["ss_total_stake_rao"] = u => s.TotalStake[u].ToString(CultureInfo.InvariantCulture),
        };
        Assert.Empty(Mismatches(columns));
    }

    [FixtureFact]
    public void The_readme_stake_examples_hold()
    {
        var s = Sn1State;
        Assert.Equal((11468722629709UL, 258711584460575UL, 58036807815746UL), (s.AlphaStake[24], s.TaoStake[24], s.TotalStake[24]));
        Assert.Equal((442560124507728UL, 1125629642345670UL, 645173460056565UL), (s.AlphaStake[630], s.TaoStake[630], s.TotalStake[630]));
    }

    [Fact]
    public void An_absent_subnet_state_decodes_to_null()
    {
        Assert.Null(RuntimeApiDecoders.SubnetState([0]));
    }
}
