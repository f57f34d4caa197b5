using System.Globalization;
using Miner.Models.Bittensor.Chain;
using Miner.Specs.TestKit;
using static Miner.Specs.Bittensor.Chain.ChainFixtures;

namespace Miner.Specs.Bittensor.Chain;

public sealed class MetagraphSpecs
{
    private static Metagraph Sn1() => Metagraph.Build(1, Sn1Block, Sn1Neurons, Sn1State);

    [FixtureFact]
    public void S_is_the_subnet_state_total_stake_not_the_neuron_stake()
    {
        var uid24 = Sn1().Neurons[24];

        Assert.Equal(959873144507UL, uid24.OwnStakeRao);
        Assert.Equal(58036807815746UL, uid24.TotalStakeRao);
        Assert.Equal(58036.807815746, uid24.S);
    }

    [FixtureFact]
    public void Every_sn1_csv_s_and_eligibility_cell_matches_the_metagraph()
    {
        var m = Sn1();
        var minStake = 1000 * Metagraph.RaoPerTao;
        var eligible = m.EligibleValidators(minStake, AxonAddressPolicy.PublicOnly).Select(n => (int)n.Uid).ToHashSet();
        var columns = new Dictionary<string, Func<int, string>>
        {
            // The CSV prints Python's repr; parse it so 0.0 vs 0 and 1e-09 vs 1E-09 do not matter, only the double.
            ["S_float"] = u => m.Neurons[u].S == double.Parse(ExpectedRows[u]["S_float"], CultureInfo.InvariantCulture)
                ? ExpectedRows[u]["S_float"]
                : m.Neurons[u].S.ToString("R", CultureInfo.InvariantCulture),
            ["eligible_404_min1000"] = u => eligible.Contains(u) ? "1" : "0",
        };
        Assert.Empty(Mismatches(columns));
    }

    [FixtureFact]
    public void The_404_rule_selects_the_seven_serving_validators_of_the_readme()
    {
        var eligible = Sn1().EligibleValidators(1000 * Metagraph.RaoPerTao, AxonAddressPolicy.PublicOnly);

        Assert.Equal([245, 447, 496, 502, 518, 697, 993], eligible.Select(n => (int)n.Uid));
    }

    [FixtureFact]
    public void A_validator_is_found_by_its_hotkey()
    {
        var m = Sn1();
        var uid245 = m.FindByHotkey(Sn1Neurons[245].Hotkey);

        Assert.NotNull(uid245);
        Assert.Equal(245, uid245.Uid);
        Assert.Equal("192.150.253.122:8001", $"{uid245.Axon.Address}:{uid245.Axon.Port}");
        Assert.True(uid245.ValidatorPermit);
        Assert.Equal(65535, uid245.ValidatorTrust);
        Assert.Equal(1223, uid245.Dividends);
        Assert.Equal(4342029898460UL, uid245.OwnStakeRao);
    }

    [FixtureFact]
    public void An_unregistered_hotkey_is_not_found()
    {
        Assert.Null(Sn1().FindByHotkey(AccountId.FromHex(new string('e', 64))));
    }

    [FixtureFact]
    public void A_subnet_state_whose_hotkeys_differ_by_uid_is_refused()
    {
        var hotkeys = Sn1State.Hotkeys.ToArray();
        (hotkeys[3], hotkeys[4]) = (hotkeys[4], hotkeys[3]);

        var error = Assert.Throws<InvalidDataException>(() =>
            Metagraph.Build(1, Sn1Block, Sn1Neurons, Sn1State with { Hotkeys = hotkeys }));
        Assert.Contains("uid 3", error.Message);
    }

    [FixtureFact]
    public void A_stake_vector_shorter_than_the_neuron_list_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            Metagraph.Build(1, Sn1Block, Sn1Neurons, Sn1State with { TotalStake = Sn1State.TotalStake.Take(10).ToArray() }));
        Assert.Contains("total_stake", error.Message);
    }

    [FixtureFact]
    public void A_subnet_state_of_another_subnet_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => Metagraph.Build(17, Sn1Block, Sn1Neurons, Sn1State));
    }

    [Fact]
    public void An_unknown_subnet_gives_an_empty_metagraph()
    {
        var m = Metagraph.Build(99, new BlockRef("0x00", 1), [], null);

        Assert.Empty(m.Neurons);
    }

    [FixtureFact]
    public void Neurons_without_a_subnet_state_are_refused()
    {
        Assert.Throws<InvalidDataException>(() => Metagraph.Build(1, Sn1Block, Sn1Neurons, null));
    }

    [FixtureFact]
    public void Loopback_validators_become_eligible_only_when_the_policy_allows_loopback()
    {
        var neurons = Sn1Neurons.ToArray();
        neurons[24] = neurons[24] with { Axon = neurons[24].Axon with { Ip = 0x7F000001, Port = 8091 } };
        var m = Metagraph.Build(1, Sn1Block, neurons, Sn1State);
        var min = 1000 * Metagraph.RaoPerTao;

        Assert.DoesNotContain(m.EligibleValidators(min, AxonAddressPolicy.PublicOnly), n => n.Uid == 24);
        Assert.Contains(m.EligibleValidators(min, new AxonAddressPolicy(allowLoopback: true)), n => n.Uid == 24);
    }
}
