using System.Text;
using Miner.Host.Devnet;
using Miner.Models.Bittensor.Keys;
using Miner.Specs.Configuration;
using Miner.Specs.TestKit;

namespace Miner.Specs.Devnet;

/// <summary>The devnet metagraph JSON: round trip, strict reading with located errors, fuzzing.</summary>
public sealed class DevnetMetagraphFileSpecs
{
    private static readonly string Hotkey = Ss58.Encode(DevnetKeys.Validator(1, 0).PublicKey);

    private static readonly DevnetMetagraph Sample = new(17,
        [new DevnetMetagraphValidator(0, Hotkey, 10_000, "127.0.0.1", 40123, true), new DevnetMetagraphValidator(1, Hotkey, 2.5, "::1", 40124, false)]);

    private static string Valid(string validatorFields = $"\"uid\": 0, \"hotkey\": \"HOTKEY\", \"stake\": 10000.0, \"ip\": \"127.0.0.1\", \"port\": 40123, \"serving\": true") =>
        $"{{ \"netuid\": 17, \"validators\": [ {{ {validatorFields.Replace("HOTKEY", Hotkey)} }} ] }}";

    [Fact]
    public void A_written_metagraph_reads_back_unchanged()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "nested", "metagraph.json");
        DevnetMetagraphFile.Write(path, Sample);
        var read = DevnetMetagraphFile.Read(path);
        Assert.Equal(Sample.Netuid, read.Netuid);
        Assert.Equal(Sample.Validators, read.Validators);
    }

    [Fact]
    public void Miners_written_with_the_metagraph_read_back_unchanged()
    {
        var miner = Ss58.Encode(DevnetKeys.Miner(1).PublicKey);
        var bytes = DevnetMetagraphFile.Serialize(Sample with { Miners = [new DevnetMetagraphMiner(2, miner)] });

        Assert.Equal([new DevnetMetagraphMiner(2, miner)], DevnetMetagraphFile.Parse(bytes).Miners);
    }

    [Fact]
    public void A_file_without_miners_has_none()
    {
        Assert.Empty(DevnetMetagraphFile.Parse(Encoding.UTF8.GetBytes(Valid())).Miners);
    }

    [Theory]
    [InlineData("\"miners\": {}", "m.json: miners: expected an array")]
    [InlineData("\"miners\": [ { \"uid\": 0, \"hotkey\": \"HOTKEY\" } ]", "m.json: miners[0].uid: uid 0 appears twice")]
    [InlineData("\"miners\": [ { \"uid\": 5, \"hotkey\": \"5abc\" } ]", "m.json: miners[0].hotkey: '5abc' is not an SS58 address")]
    [InlineData("\"miners\": [ { \"uid\": 5, \"hotkey\": \"HOTKEY\" }, { \"uid\": 6, \"hotkey\": \"HOTKEY\" } ]", "m.json: miners[1].hotkey: HOTKEY appears twice")]
    public void A_bad_miner_entry_is_refused_naming_the_field(string miners, string message)
    {
        var text = Valid().TrimEnd('}', ' ') + ", " + miners.Replace("HOTKEY", Hotkey) + " }";

        var error = Assert.Throws<FormatException>(() => DevnetMetagraphFile.Parse(Encoding.UTF8.GetBytes(text), "m.json"));

        Assert.Equal(message.Replace("HOTKEY", Hotkey), error.Message);
    }

    [Fact]
    public void The_documented_format_parses()
    {
        var read = DevnetMetagraphFile.Parse(Encoding.UTF8.GetBytes(Valid()));
        Assert.Equal(new DevnetMetagraphValidator(0, Hotkey, 10_000, "127.0.0.1", 40123, true), Assert.Single(read.Validators));
    }

    [Theory]
    [InlineData("\"hotkey\": \"HOTKEY\", \"stake\": 1, \"ip\": \"127.0.0.1\", \"port\": 1, \"serving\": true", "validators[0].uid: expected an integer")]
    [InlineData("\"uid\": 0, \"hotkey\": \"5abc\", \"stake\": 1, \"ip\": \"127.0.0.1\", \"port\": 1, \"serving\": true", "validators[0].hotkey: '5abc' is not an SS58 address")]
    [InlineData("\"uid\": 0, \"hotkey\": \"HOTKEY\", \"stake\": -1, \"ip\": \"127.0.0.1\", \"port\": 1, \"serving\": true", "validators[0].stake: expected a non-negative number")]
    [InlineData("\"uid\": 0, \"hotkey\": \"HOTKEY\", \"stake\": 1, \"ip\": \"localhost\", \"port\": 1, \"serving\": true", "validators[0].ip: 'localhost' is not an IP address")]
    [InlineData("\"uid\": 0, \"hotkey\": \"HOTKEY\", \"stake\": 1, \"ip\": \"127.0.0.1\", \"port\": 0, \"serving\": true", "validators[0].port: 0 is outside 1..65535")]
    [InlineData("\"uid\": 0, \"hotkey\": \"HOTKEY\", \"stake\": 1, \"ip\": \"127.0.0.1\", \"port\": 1, \"serving\": \"yes\"", "validators[0].serving: expected true or false")]
    public void A_bad_field_is_an_error_naming_the_source_and_the_field(string fields, string expected)
    {
        var error = Assert.Throws<FormatException>(() => DevnetMetagraphFile.Parse(Encoding.UTF8.GetBytes(Valid(fields)), "m.json"));
        Assert.Equal($"m.json: {expected}", error.Message);
    }

    [Fact]
    public void A_duplicate_uid_is_an_error()
    {
        var json = $"{{\"netuid\":17,\"validators\":[{{\"uid\":0,\"hotkey\":\"{Hotkey}\",\"stake\":1,\"ip\":\"127.0.0.1\",\"port\":1,\"serving\":true}},"
            + $"{{\"uid\":0,\"hotkey\":\"{Hotkey}\",\"stake\":1,\"ip\":\"127.0.0.1\",\"port\":2,\"serving\":true}}]}}";
        Assert.Contains("uid 0 appears twice", Assert.Throws<FormatException>(() => DevnetMetagraphFile.Parse(Encoding.UTF8.GetBytes(json))).Message);
    }

    [Fact]
    public void Every_truncation_fails_with_a_format_error_only()
    {
        var bytes = DevnetMetagraphFile.Serialize(Sample);
        for (var length = 0; length < bytes.Length; length++) Assert.Throws<FormatException>(() => DevnetMetagraphFile.Parse(bytes.AsSpan(0, length)));
    }

    [Fact]
    public void Random_mutations_either_parse_or_fail_with_a_format_error()
    {
        var original = DevnetMetagraphFile.Serialize(Sample);
        var random = new Random(11);
        for (var round = 0; round < 3000; round++)
        {
            var bytes = (byte[])original.Clone();
            for (var k = 0; k < 1 + random.Next(4); k++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            try
            {
                DevnetMetagraphFile.Parse(bytes);
            }
            catch (FormatException)
            {
            }
        }
    }

    [Fact]
    public async Task A_fifo_as_the_devnet_metagraph_is_refused_at_once_naming_it()
    {
        using var folder = new TempDirectory();
        var fifo = SpecialFiles.MakeFifo(Path.Combine(folder.Path, "metagraph.json"));
        var error = await SpecialFiles.WithinAsync(() => Assert.Throws<Miner.Models.Files.FileRefusedException>(() => DevnetMetagraphFile.Read(fifo)), fifo);
        Assert.Equal($"{fifo}: is a FIFO, not a regular file", error.Message);
    }
}
