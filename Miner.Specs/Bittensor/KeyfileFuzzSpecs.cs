using System.Text;
using Miner.Models.Bittensor.Keys;
using static Miner.Specs.Bittensor.KeyfileSamples;

namespace Miner.Specs.Bittensor;

public sealed class KeyfileFuzzSpecs
{
    private static readonly byte[] Valid = Encoding.UTF8.GetBytes(Btwallet());

    [Fact]
    public void Every_truncation_of_a_keyfile_is_refused_with_a_keyfile_error_that_reveals_no_secret()
    {
        for (var length = 0; length < Valid.Length; length++)
        {
            var outcome = Record.Exception(() => Keyfile.ReadKeypair(Valid.AsSpan(0, length), "hk"));
            var error = Assert.IsType<KeyfileException>(outcome);
            Assert.False(RevealsBtwalletSecret(error.Message), $"length {length}: {error.Message}");
        }
    }

    [Fact]
    public void Random_bytes_are_refused_with_keyfile_errors_only()
    {
        var random = new Random(5);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            Assert.IsType<KeyfileException>(Record.Exception(() => Keyfile.ReadKeypair(bytes, "hk")));
        }
    }

    [Fact]
    public void Random_single_byte_changes_to_a_keyfile_give_a_keypair_or_a_keyfile_error()
    {
        var random = new Random(9);
        for (var i = 0; i < 3000; i++)
        {
            var bytes = (byte[])Valid.Clone();
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            var outcome = Record.Exception(() => Keyfile.ReadKeypair(bytes, "hk"));
            Assert.True(outcome is null or KeyfileException, outcome?.ToString());
            if (outcome is not null) Assert.False(RevealsBtwalletSecret(outcome.Message), outcome.Message);
        }
    }

    [Fact]
    public void Random_json_shaped_text_gives_public_keyfile_errors_only()
    {
        var random = new Random(11);
        string[] pieces = ["{", "}", "[", "]", ":", ",", "\"publicKey\"", "\"ss58Address\"", "\"0x12\"", "null", "true", "1e999", "\"\\u0000\"", " "];
        for (var i = 0; i < 3000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            var outcome = Record.Exception(() => Keyfile.ReadPublicKey(Encoding.UTF8.GetBytes(text), "pub"));
            Assert.True(outcome is null or KeyfileException, $"{text}: {outcome}");
        }
    }

    [Fact]
    public void Deeply_nested_json_is_refused_with_a_keyfile_error()
    {
        var nested = new string('[', 10_000) + new string(']', 10_000);
        Assert.IsType<KeyfileException>(Record.Exception(() => Keyfile.ReadKeypair(Encoding.ASCII.GetBytes(nested), "hk")));
    }
}
