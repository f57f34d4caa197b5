using System.Security.Cryptography;
using Miner.Models.Bittensor.Crypto;
using static Miner.Specs.Bittensor.KnownKeys;

namespace Miner.Specs.Bittensor;

public sealed class KeccakSpecs
{
    [Fact]
    public void Permuting_the_all_zero_state_gives_the_published_first_lane()
    {
        var state = new byte[200];
        KeccakF1600.Permute(state);
        Assert.Equal("e7dde140798f25f18a47c033f9ccd584", Hex(state.AsSpan(0, 16)));
    }

    [Fact]
    public void A_sha3_256_sponge_built_on_the_permutation_hashes_the_empty_string_to_the_dendrite_body_hash()
    {
        Assert.Equal("a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a", Hex(Sha3_256([])));
    }

    [Theory]
    [InlineData(135)]
    [InlineData(136)]
    [InlineData(1000)]
    public void A_sha3_256_sponge_built_on_the_permutation_matches_the_platform_sha3(int length)
    {
        var message = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();
        Assert.Equal(Hex(SHA3_256.HashData(message)), Hex(Sha3_256(message)));
    }

    [Fact]
    public void A_state_of_the_wrong_size_is_refused()
    {
        Assert.Throws<ArgumentException>(() => KeccakF1600.Permute(new byte[199]));
    }

    // Rate 136, SHA-3 padding 0x06 … 0x80.
    private static byte[] Sha3_256(byte[] message)
    {
        const int rate = 136;
        var padded = new byte[(message.Length / rate + 1) * rate];
        message.CopyTo(padded, 0);
        padded[message.Length] ^= 0x06;
        padded[^1] ^= 0x80;
        var state = new byte[200];
        for (var offset = 0; offset < padded.Length; offset += rate)
        {
            for (var i = 0; i < rate; i++) state[i] ^= padded[offset + i];
            KeccakF1600.Permute(state);
        }
        return state[..32];
    }
}
