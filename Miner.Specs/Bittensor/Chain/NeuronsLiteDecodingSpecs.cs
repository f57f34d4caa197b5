using System.Globalization;
using Miner.Models.Bittensor.Chain;
using Miner.Models.Bittensor.Keys;
using Miner.Specs.TestKit;
using static Miner.Specs.Bittensor.Chain.ChainFixtures;

namespace Miner.Specs.Bittensor.Chain;

public sealed class NeuronsLiteDecodingSpecs
{
    private static string Bit(bool value) => value ? "1" : "0";

    private static string Num<T>(T value) where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);

    [FixtureFact]
    public void The_tiny_localnet_payload_decodes_to_its_single_zero_key_neuron()
    {
        var neuron = Assert.Single(RuntimeApiDecoders.NeuronsLite(Bytes(NeuronsTiny)));

        Assert.Equal(default, neuron.Hotkey);
        Assert.Equal(default, neuron.Coldkey);
        Assert.Equal(0, neuron.Uid);
        Assert.Equal(1, neuron.Netuid);
        Assert.False(neuron.Active);
        Assert.Equal(new AxonInfo(0, 0, 0, 0, 0, 0, 0, 0), neuron.Axon);
        Assert.Equal(new PrometheusInfo(0, 0, 0, 0, 0), neuron.Prometheus);
        Assert.Equal([new StakeEntry(default, 8446227148720)], neuron.Stake);
        Assert.Equal(82820462378UL, neuron.EmissionRao);
        Assert.Equal(0UL, neuron.LastUpdate);
        Assert.True(neuron.ValidatorPermit);
        Assert.Equal(65535, neuron.PruningScore);
    }

    [FixtureFact]
    public void The_first_sn1_neuron_matches_the_byte_table_of_the_fixture_readme()
    {
        var neuron = Sn1Neurons[0];

        Assert.Equal(AccountId.FromHex("4a7a6cf22af0de8f0c3566ceb47c255da605cf9243f6c1a6433cc782fa610166"), neuron.Hotkey);
        Assert.Equal(AccountId.FromHex("74762d04a38847530ae54f185efda75989c6cb66eab33295ee5401af6e2ac035"), neuron.Coldkey);
        Assert.Equal(new AxonInfo(6575906, 9011001, 3235789677, 6028, 4, 4, 0, 0), neuron.Axon);
        Assert.Equal("192.222.59.109", neuron.Axon.Address.ToString());
        Assert.Equal([new StakeEntry(neuron.Coldkey, 2557172316)], neuron.Stake);
        Assert.Equal(2543521UL, neuron.LastUpdate);
        Assert.False(neuron.ValidatorPermit);
    }

    [FixtureFact]
    public void The_sn1_payload_holds_1024_neurons_in_uid_order_with_one_stake_entry_each()
    {
        Assert.Equal(1024, Sn1Neurons.Count);
        Assert.Equal(Enumerable.Range(0, 1024), Sn1Neurons.Select(n => (int)n.Uid));
        Assert.All(Sn1Neurons, n => Assert.Single(n.Stake));
    }

    [FixtureFact]
    public void The_sn1_serving_counts_and_permit_holders_match_the_readme()
    {
        Assert.Equal(827, Sn1Neurons.Count(n => n.Axon.IsServing));
        Assert.All(Sn1Neurons.Where(n => !n.Axon.IsServing), n => Assert.Equal(0, n.Axon.IpType));
        Assert.Equal(
            [24, 245, 276, 395, 447, 496, 502, 518, 630, 697, 966, 993],
            Sn1Neurons.Where(n => n.ValidatorPermit).Select(n => (int)n.Uid));
    }

    [FixtureFact]
    public void Every_sn1_csv_row_matches_the_decoded_neuron_cell_by_cell()
    {
        var n = Sn1Neurons;
        var columns = new Dictionary<string, Func<int, string>>
        {
            ["hotkey_hex"] = u => n[u].Hotkey.ToHex(),
            ["hotkey_ss58"] = u => Ss58.Encode(n[u].Hotkey.ToArray()),
            ["coldkey_ss58"] = u => Ss58.Encode(n[u].Coldkey.ToArray()),
            ["active"] = u => Bit(n[u].Active),
            ["validator_permit"] = u => Bit(n[u].ValidatorPermit),
            ["axon_block"] = u => Num(n[u].Axon.Block),
            ["axon_version"] = u => Num(n[u].Axon.Version),
            ["axon_ip_u128"] = u => Num(n[u].Axon.Ip),
            ["axon_ip"] = u => n[u].Axon.Address.ToString(),
            ["axon_port"] = u => Num(n[u].Axon.Port),
            ["axon_ip_type"] = u => Num(n[u].Axon.IpType),
            ["axon_protocol"] = u => Num(n[u].Axon.Protocol),
            ["is_serving"] = u => Bit(n[u].Axon.IsServing),
            ["stake_rao"] = u => Num(n[u].OwnStakeRao),
            ["rank"] = u => Num(n[u].Rank),
            ["emission_rao"] = u => Num(n[u].EmissionRao),
            ["incentive"] = u => Num(n[u].Incentive),
            ["consensus"] = u => Num(n[u].Consensus),
            ["trust"] = u => Num(n[u].Trust),
            ["validator_trust"] = u => Num(n[u].ValidatorTrust),
            ["dividends"] = u => Num(n[u].Dividends),
            ["last_update"] = u => Num(n[u].LastUpdate),
            ["pruning_score"] = u => Num(n[u].PruningScore),
        };

        Assert.Equal(1024, ExpectedRows.Count);
        Assert.Empty(Mismatches(columns));
    }

    [FixtureFact]
    public void The_legacy_vec_u8_wrapped_payload_decodes_to_its_19_neurons()
    {
        var neurons = RuntimeApiDecoders.NeuronsLite(Bytes(NeuronsLegacy), legacyVecWrapped: true);

        Assert.Equal(19, neurons.Count);
        var first = neurons[0];
        Assert.Equal(23, first.Netuid);
        Assert.False(first.Axon.IsServing);
        Assert.Equal([2999000UL], first.Stake.Select(s => s.AmountRao));
        Assert.Equal(1365728UL, first.LastUpdate);
        Assert.True(first.ValidatorPermit);
        Assert.Equal(
            ["2 67.212.41.19:2121", "3 213.181.111.2:44186", "6 162.55.57.88:20437", "14 148.77.2.74:22167", "18 148.76.188.140:19014"],
            neurons.Where(x => x.Axon.IsServing).Select(x => $"{x.Uid} {x.Axon.Address}:{x.Axon.Port}"));
        Assert.All(neurons.Where(x => x.Axon.IsServing), x => Assert.Equal(4, x.Axon.IpType));
    }

    [FixtureFact]
    public void The_full_neuron_payload_decodes_with_its_weights_and_bonds()
    {
        var full = RuntimeApiDecoders.Neuron(Bytes(FullNeuron));

        Assert.NotNull(full);
        var n = full.Neuron;
        Assert.Equal((29, 14), (n.Uid, n.Netuid));
        Assert.True(n.Active);
        Assert.False(n.Axon.IsServing);
        Assert.Equal(293397769457395UL, n.OwnStakeRao);
        Assert.Equal((65521, 184855361378UL, 65521, 65520, 65533, 65493, 16327),
            (n.Rank, n.EmissionRao, n.Incentive, n.Consensus, n.Trust, n.ValidatorTrust, n.Dividends));
        Assert.Equal(6522124UL, n.LastUpdate);
        Assert.True(n.ValidatorPermit);
        Assert.Equal([new UidValue(2, 170), new(21, 16), new(29, 65535), new(38, 1), new(92, 7)], full.Weights);
        Assert.Equal(32, full.Bonds.Count);
        Assert.Equal([new UidValue(1, 65535), new(2, 35462), new(21, 35462)], full.Bonds.Take(3));
        Assert.Equal(65535, n.PruningScore);
    }

    [FixtureFact]
    public void A_legacy_payload_is_not_mistaken_for_a_modern_one()
    {
        var error = Assert.Throws<ScaleDecodeException>(() => RuntimeApiDecoders.NeuronsLite(Bytes(NeuronsLegacy)));
        Assert.Equal("neurons", error.Field);
    }

    [Fact]
    public void A_legacy_wrapper_whose_length_disagrees_with_the_payload_is_refused()
    {
        var error = Assert.Throws<ScaleDecodeException>(() => RuntimeApiDecoders.NeuronsLite([0x08, 0x00], legacyVecWrapped: true));
        Assert.Equal("legacy_bytes", error.Field);
    }

    [Fact]
    public void An_empty_neuron_list_is_an_unknown_subnet()
    {
        Assert.Empty(RuntimeApiDecoders.NeuronsLite([0]));
    }

    [Fact]
    public void A_missing_single_neuron_decodes_to_null()
    {
        Assert.Null(RuntimeApiDecoders.NeuronLite([0]));
    }
}
