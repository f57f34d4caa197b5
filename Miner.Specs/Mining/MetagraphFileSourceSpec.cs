using System.Text;
using Miner.Actors.Mining.Metagraph;
using Miner.Models.Bittensor.Chain;
using Miner.Models.Bittensor.Keys;
using Miner.Specs.Configuration;
using Miner.Specs.TestKit;

namespace Miner.Specs.Mining;

public sealed class MetagraphFileSourceSpec
{
    public static string Hotkey(int seed) => Ss58.Encode(Enumerable.Range(0, 32).Select(i => (byte)(seed * 31 + i)).ToArray());

    private static readonly AxonAddressPolicy Loopback = new(allowLoopback: true);

    private static string File(params string[] neurons) => $"{{\"netuid\": 17, \"neurons\": [{string.Join(",", neurons)}]}}";

    private static string Neuron(int uid, string ip = "127.0.0.1", int port = 9000, double stake = 5000, string? hotkey = null) =>
        $"{{\"uid\": {uid}, \"hotkey\": \"{hotkey ?? Hotkey(uid)}\", \"ip\": \"{ip}\", \"port\": {port}, \"stake\": {stake}}}";

    private static IReadOnlyList<ValidatorCandidate> Parse(string json, AxonAddressPolicy? policy = null) =>
        MetagraphFileSource.Parse(Encoding.UTF8.GetBytes(json), "m.json", policy ?? Loopback);

    [Fact]
    public void A_well_formed_file_gives_one_candidate_per_neuron()
    {
        var candidates = Parse(File(Neuron(0), Neuron(5, port: 9005, stake: 12.5)));
        Assert.Equal(2, candidates.Count);
        Assert.Equal((5, Hotkey(5), 12.5, 9005), (candidates[1].Uid, candidates[1].Hotkey, candidates[1].StakeTao, candidates[1].Axon!.Port));
        Assert.Null(candidates[0].NotServingReason);
    }

    [Fact]
    public void Ip_zero_port_zero_and_refused_addresses_are_not_serving_with_the_reason()
    {
        var candidates = Parse(File(Neuron(0, ip: "0.0.0.0"), Neuron(1, port: 0), Neuron(2)), AxonAddressPolicy.PublicOnly);
        Assert.Contains("not serving", candidates[0].NotServingReason);
        Assert.Contains("port is 0", candidates[1].NotServingReason);
        Assert.Contains("loopback", candidates[2].NotServingReason);
        Assert.All(candidates, c => Assert.Null(c.Axon));
    }

    [Theory]
    [InlineData("[]", "(root): expected an object")]
    [InlineData("{\"neurons\": 3}", "neurons: expected an array")]
    [InlineData("{\"neurons\": [{\"uid\": 1}]}", "neurons[0].hotkey: missing")]
    [InlineData("{\"neurons\": [{\"uid\": -1}]}", "neurons[0].uid: -1 is outside 0..65535")]
    [InlineData("{\"neurons\": [{\"uid\": 1, \"hotkey\": \"nope\"}]}", "neurons[0].hotkey: 'nope' is not an SS58 address")]
    public void Malformed_files_name_the_field(string json, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => Parse(json));
        Assert.Contains("m.json: " + expected, error.Message);
    }

    [Fact]
    public void Duplicate_uids_and_hotkeys_are_refused()
    {
        Assert.Contains("uid 1 appears twice", Assert.Throws<InvalidDataException>(() => Parse(File(Neuron(1), Neuron(1, hotkey: Hotkey(2))))).Message);
        Assert.Contains("holds two uids", Assert.Throws<InvalidDataException>(() => Parse(File(Neuron(1), Neuron(2, hotkey: Hotkey(1))))).Message);
    }

    [Fact]
    public void Negative_or_non_finite_stakes_and_bad_ports_are_refused()
    {
        Assert.Contains("neurons[0].stake: must not be negative", Assert.Throws<InvalidDataException>(() => Parse(File(Neuron(0, stake: -1)))).Message);
        Assert.Contains("neurons[0].port: 70000 is outside", Assert.Throws<InvalidDataException>(() => Parse(File(Neuron(0, port: 70000)))).Message);
    }

    [Fact]
    public void Fuzzed_and_truncated_files_fail_only_with_a_located_error()
    {
        var good = Encoding.UTF8.GetBytes(File(Neuron(0), Neuron(1, stake: 1e9), Neuron(2, ip: "::1")));
        for (var cut = 0; cut < good.Length; cut++) Check(good.AsSpan(0, cut).ToArray());
        var random = new Random(17);
        for (var i = 0; i < 2000; i++)
        {
            var mutated = (byte[])good.Clone();
            for (var k = 0; k < 1 + random.Next(4); k++) mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            Check(mutated);
        }
        for (var i = 0; i < 200; i++)
        {
            var noise = new byte[random.Next(1, 300)];
            random.NextBytes(noise);
            Check(noise);
        }

        static void Check(byte[] bytes)
        {
            try
            {
                MetagraphFileSource.Parse(bytes, "m.json", Loopback);
            }
            catch (InvalidDataException error)
            {
                Assert.StartsWith("m.json: ", error.Message);
            }
        }
    }

    [Fact]
    public async Task A_missing_file_is_a_clear_error()
    {
        var source = new MetagraphFileSource("/nonexistent/metagraph.json", Loopback);
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => source.LoadAsync(CancellationToken.None));
        Assert.Contains("metagraph file not found", error.Message);
    }

    [Fact]
    public async Task A_fifo_as_the_metagraph_file_is_refused_at_once_naming_it()
    {
        using var folder = new TempDirectory();
        var fifo = SpecialFiles.MakeFifo(Path.Combine(folder.Path, "metagraph.json"));
        var source = new MetagraphFileSource(fifo, Loopback);
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => source.LoadAsync(CancellationToken.None).WaitAsync(SpecialFiles.Patience));
        Assert.Equal($"{fifo}: is a FIFO, not a regular file", error.Message);
    }
}
