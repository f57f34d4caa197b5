using System.Text;
using Miner.Models.Bittensor.Crypto;
using static Miner.Specs.Bittensor.KnownKeys;

namespace Miner.Specs.Bittensor;

public sealed class HashSpecs
{
    [Theory]
    [InlineData("", "786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce")]
    [InlineData("abc", "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923")]
    public void Blake2b_512_of_a_short_text_matches_rfc_7693(string text, string digest)
    {
        Assert.Equal(digest, Hex(Blake2b.Hash(Encoding.ASCII.GetBytes(text))));
    }

    // Reference digests from CPython's hashlib.blake2b, data byte i = 7i mod 256.
    [Theory]
    [InlineData(128, "0be555525cf1e0b9b74d2a743dd1ee3164b1de36feaa6084a1d054af06a5091346d6a2be5068fd5c612e0f8cbcefaacac2f5b309226bfc28817916fbc3ef0b23")]
    [InlineData(129, "31f95aa8eb1487ce670bc3c0c60ef98b83b7d7d88ff6b7d719fdc8838f301785591eed59d633b5f47b73aa828cf2dcdc775fc92c0de005ae9b7922b0f3251885")]
    [InlineData(256, "f8517f3d1accbf944ef17fc76662f7d91e6bbff44a7c5a0ed63bc52d177810f5dee0881ae4541269f230ae91b0c4f8d8c9fa1fd094280e5ed38bc7da95427820")]
    [InlineData(1000, "b49dc7bf928d7dee879fafc64c1c93088810acc1f4a02264c4c09809c0f3dbc771e25e2dedce3dbbc0640da14af9fe42fb42b02c9fdff701b817f22192b7b2db")]
    public void Blake2b_512_of_multi_block_data_matches_a_reference_implementation(int length, string digest)
    {
        var data = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();
        Assert.Equal(digest, Hex(Blake2b.Hash(data)));
    }

    [Theory]
    [InlineData(16, "cf4ab791c62b8d2b2109c90275287816")]
    [InlineData(32, "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319")]
    public void A_shorter_blake2b_digest_is_a_different_hash_not_a_truncation(int length, string digest)
    {
        Assert.Equal(digest, Hex(Blake2b.Hash("abc"u8, length)));
    }

    [Fact]
    public void The_ss58_checksum_hash_of_alice_matches_the_spec()
    {
        var digest = Hex(Blake2b.Hash([.. "SS58PRE"u8, 0x2a, .. Bytes(AlicePublic)]));
        Assert.StartsWith("1d21e05182aa937a", digest);
        Assert.EndsWith("9baf9b97", digest);
    }

    [Fact]
    public void Blake2b_128_of_the_404_owner_key_is_the_hash_in_its_uids_storage_key()
    {
        var owner = Bytes("5ab6b5bf90a8f152a909d9aff09fdd08eb1d33da64f1d6983a293cfdc7ef8b21");
        Assert.Equal("8e83063ce94834be1cc93a5f05f21c50", Hex(Blake2b.Hash(owner, 16)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void A_blake2b_digest_length_outside_1_to_64_is_refused(int length)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Blake2b.Hash("abc"u8, length));
    }

    [Theory]
    [InlineData("", 0UL, 0xef46db3751d8e999UL)]
    [InlineData("abc", 0UL, 0x44bc2cf5ad770999UL)]
    [InlineData("Nobody inspects the spammish repetition", 0UL, 0xfbcea83c8a378bf1UL)]
    [InlineData("Nobody inspects the spammish repetition", 1234UL, 0x55e30cd248a5419fUL)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0UL, 0x0b242d361fda71bcUL)]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0UL, 0x856e843298f99ad7UL)]
    public void XxHash64_of_a_text_matches_the_published_value(string text, ulong seed, ulong expected)
    {
        Assert.Equal(expected, XxHash64.Hash(Encoding.ASCII.GetBytes(text), seed));
    }

    [Theory]
    [InlineData("SubtensorModule", "658faa385070e074c85bf6b568cf0555")]
    [InlineData("Uids", "aab1b4e78e1ea8305462ee53b3686dc8")]
    public void Twox128_of_a_storage_name_matches_the_metagraph_spec(string name, string expected)
    {
        Assert.Equal(expected, Hex(Twox128.Hash(Encoding.ASCII.GetBytes(name))));
    }
}
