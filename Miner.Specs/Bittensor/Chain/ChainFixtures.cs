using Miner.Models.Bittensor.Chain;
using Miner.Specs.TestKit;

namespace Miner.Specs.Bittensor.Chain;

/// <summary>Reads ../shared/fixtures/subtensor; the large payloads are decoded once per test run.</summary>
internal static class ChainFixtures
{
    public const string NeuronsSn1 = "neurons_lite_netuid1_block6852690.hex";
    public const string SubnetStateSn1 = "subnet_state_netuid1_block6852690.hex";
    public const string NeuronsTiny = "neurons_lite_tiny_localnet_netuid1.hex";
    public const string SubnetStateTiny = "subnet_state_tiny_localnet_netuid1.hex";
    public const string NeuronsLegacy = "neurons_lite_netuid23_legacy_vec_u8.hex";
    public const string FullNeuron = "neuron_netuid14_uid29.hex";
    public const string ExpectedCsv = "neurons_lite_netuid1_block6852690.expected.csv";

    public static readonly BlockRef Sn1Block = new("0xdb13c066e2c63969f140164fb3bfe7a0aaa7b71407fc0fe525d68e57329ef9d0", 6852690);

    private static readonly Lazy<IReadOnlyList<NeuronInfoLite>> Sn1NeuronsLazy = new(() => RuntimeApiDecoders.NeuronsLite(Bytes(NeuronsSn1)));
    private static readonly Lazy<SubnetState> Sn1StateLazy = new(() => RuntimeApiDecoders.SubnetState(Bytes(SubnetStateSn1))!);
    private static readonly Lazy<IReadOnlyList<IReadOnlyDictionary<string, string>>> RowsLazy = new(ReadCsv);

    public static IReadOnlyList<NeuronInfoLite> Sn1Neurons => Sn1NeuronsLazy.Value;

    public static SubnetState Sn1State => Sn1StateLazy.Value;

    /// <summary>The oracle CSV: one dictionary (column → cell) per uid.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ExpectedRows => RowsLazy.Value;

    public static string Text(string file) => File.ReadAllText(SharedFixtures.Path("subtensor", file)).Trim();

    public static byte[] Bytes(string file) => Convert.FromHexString(Text(file)[2..]);

    /// <summary>Column-by-column comparison; returns every mismatch so a failure shows all of them at once.</summary>
    public static List<string> Mismatches(IReadOnlyDictionary<string, Func<int, string>> columns)
    {
        var mismatches = new List<string>();
        foreach (var row in ExpectedRows)
        {
            var uid = int.Parse(row["uid"]);
            foreach (var (column, actual) in columns)
            {
                var value = actual(uid);
                if (value != row[column]) mismatches.Add($"uid {uid} {column}: expected {row[column]}, decoded {value}");
            }
        }
        return mismatches;
    }

    private static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadCsv()
    {
        var lines = File.ReadAllLines(SharedFixtures.Path("subtensor", ExpectedCsv));
        var header = lines[0].Split(',');
        return lines.Skip(1).Where(l => l.Length > 0)
            .Select(l => (IReadOnlyDictionary<string, string>)header.Zip(l.Split(','), (key, value) => (key, value)).ToDictionary(p => p.key, p => p.value))
            .ToList();
    }
}
