using Miner.Models.Bittensor.Keys;
using static Miner.Specs.Bittensor.KnownKeys;

namespace Miner.Specs.Bittensor;

public sealed class Ss58Specs
{
    public static TheoryData<string, string> BittensorAddresses() => new()
    {
        { AlicePublic, AliceSs58 },
        { BobPublic, BobSs58 },
        { "46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a", "5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV" },
        { BtwalletPublic, BtwalletSs58 },
        { "5ab6b5bf90a8f152a909d9aff09fdd08eb1d33da64f1d6983a293cfdc7ef8b21", "5E7eSeRr2aHzCV7SkY4a2Pi5NXHrU4anZz3phEQgn4HCen2B" },
        { new string('0', 64), "5C4hrfjw9DjXZTzV3MwzrrAr9P1MJhSrvWGWqi1eSuyUpnhM" },
    };

    [Theory]
    [MemberData(nameof(BittensorAddresses))]
    public void A_public_key_encodes_to_its_published_bittensor_address(string publicKey, string address)
    {
        Assert.Equal(address, Ss58.Encode(Bytes(publicKey)));
    }

    [Theory]
    [MemberData(nameof(BittensorAddresses))]
    public void A_published_bittensor_address_decodes_to_its_public_key(string publicKey, string address)
    {
        Assert.Equal(publicKey, Hex(Ss58.Decode(address)));
    }

    [Fact]
    public void The_btwallet_key_encodes_to_its_polkadot_address_with_prefix_0()
    {
        Assert.Equal("16ADqpMa4yzfmWs3nuTSMhfZ2ckeGtvqhPWCNqECEGDcGgU2", Ss58.Encode(Bytes(BtwalletPublic), 0));
    }

    [Fact]
    public void A_polkadot_address_decodes_with_any_prefix_and_reports_prefix_0()
    {
        var key = Ss58.DecodeAnyPrefix("16ADqpMa4yzfmWs3nuTSMhfZ2ckeGtvqhPWCNqECEGDcGgU2", out var prefix);
        Assert.Equal((ushort)0, prefix);
        Assert.Equal(BtwalletPublic, Hex(key));
    }

    [Fact]
    public void A_polkadot_address_is_refused_where_a_bittensor_address_is_expected()
    {
        var error = Assert.Throws<Ss58FormatException>(() => Ss58.Decode("16ADqpMa4yzfmWs3nuTSMhfZ2ckeGtvqhPWCNqECEGDcGgU2"));
        Assert.Equal(Ss58Error.WrongPrefix, error.Reason);
        Assert.Contains("network prefix 0, expected 42", error.Message);
    }

    [Theory]
    [InlineData((ushort)64)]
    [InlineData((ushort)255)]
    [InlineData((ushort)1284)]
    [InlineData((ushort)16383)]
    public void A_two_byte_prefix_round_trips(ushort prefix)
    {
        var address = Ss58.Encode(Bytes(AlicePublic), prefix);
        Assert.Equal(AlicePublic, Hex(Ss58.DecodeAnyPrefix(address, out var decodedPrefix)));
        Assert.Equal(prefix, decodedPrefix);
    }

    [Fact]
    public void A_prefix_above_16383_cannot_be_encoded()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Ss58.Encode(Bytes(AlicePublic), 16384));
    }

    [Fact]
    public void A_public_key_that_is_not_32_bytes_cannot_be_encoded()
    {
        Assert.Throws<ArgumentException>(() => Ss58.Encode(new byte[33]));
    }

    [Fact]
    public void An_address_with_a_changed_character_fails_the_checksum()
    {
        var tampered = AliceSs58[..10] + (AliceSs58[10] == 'a' ? 'b' : 'a') + AliceSs58[11..];
        var error = Assert.Throws<Ss58FormatException>(() => Ss58.Decode(tampered));
        Assert.Equal(Ss58Error.BadChecksum, error.Reason);
    }

    [Fact]
    public void A_truncated_address_is_refused_for_its_length()
    {
        var error = Assert.Throws<Ss58FormatException>(() => Ss58.Decode(AliceSs58[..^1]));
        Assert.Equal(Ss58Error.WrongLength, error.Reason);
        Assert.Contains("decodes to 34 bytes", error.Message);
    }

    [Fact]
    public void An_address_with_a_character_outside_base58_names_the_character_and_position()
    {
        var error = Assert.Throws<Ss58FormatException>(() => Ss58.Decode("5Grwva0F5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"));
        Assert.Equal(Ss58Error.InvalidCharacter, error.Reason);
        Assert.Contains("'0' at position 6", error.Message);
    }

    [Fact]
    public void An_empty_address_is_refused_as_empty()
    {
        Assert.Equal(Ss58Error.Empty, Assert.Throws<Ss58FormatException>(() => Ss58.Decode("")).Reason);
    }

    [Fact]
    public void A_very_long_address_is_refused_before_decoding()
    {
        var error = Assert.Throws<Ss58FormatException>(() => Ss58.Decode(new string('z', 10_000)));
        Assert.Equal(Ss58Error.WrongLength, error.Reason);
        Assert.True(error.Message.Length < 200);
    }

    [Fact]
    public void An_address_whose_first_byte_is_not_a_prefix_is_refused()
    {
        // 0x80 is no valid first byte: 0-63 one-byte, 64-127 two-byte prefixes.
        var address = Base58Of([0x80, .. new byte[34]]);
        Assert.Equal(Ss58Error.InvalidPrefix, Assert.Throws<Ss58FormatException>(() => Ss58.Decode(address)).Reason);
    }

    [Fact]
    public void Try_decode_reports_false_instead_of_throwing()
    {
        Assert.False(Ss58.TryDecode("not an address", out var key));
        Assert.Empty(key);
    }

    [Fact]
    public void Try_decode_returns_the_key_of_a_valid_address()
    {
        Assert.True(Ss58.TryDecode(AliceSs58, out var key));
        Assert.Equal(AlicePublic, Hex(key));
    }

    [Fact]
    public void Random_strings_decode_only_to_ss58_format_errors()
    {
        var random = new Random(42);
        const string alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0OIl +/\0é";
        for (var i = 0; i < 5000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 60)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var outcome = Record.Exception(() => Ss58.Decode(text));
            Assert.True(outcome is null or Ss58FormatException, $"'{text}' threw {outcome?.GetType().Name}");
        }
    }

    [Fact]
    public void Every_truncation_of_a_valid_address_is_refused_with_an_ss58_format_error()
    {
        for (var length = 0; length < AliceSs58.Length; length++)
            Assert.IsType<Ss58FormatException>(Record.Exception(() => Ss58.Decode(AliceSs58[..length])));
    }

    [Fact]
    public void Every_single_character_substitution_of_a_valid_address_is_refused()
    {
        const string alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        var accepted = new List<string>();
        for (var i = 0; i < AliceSs58.Length; i++)
            foreach (var c in alphabet.Where(c => c != AliceSs58[i]))
            {
                var variant = AliceSs58[..i] + c + AliceSs58[(i + 1)..];
                if (Ss58.TryDecode(variant, out _)) accepted.Add(variant);
            }
        // A 16-bit checksum lets about 1 in 65536 random variants through; none of these do.
        Assert.Empty(accepted);
    }

    private static string Base58Of(byte[] data)
    {
        // Independent Base58 (no leading zero bytes here) to craft payloads the encoder refuses to make.
        var value = new System.Numerics.BigInteger(data, isUnsigned: true, isBigEndian: true);
        const string alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        var chars = new List<char>();
        while (value > 0)
        {
            chars.Add(alphabet[(int)(value % 58)]);
            value /= 58;
        }
        chars.Reverse();
        return new string(chars.ToArray());
    }
}
