using System.Text;
using Miner.Models.Bittensor.Chain;

namespace Miner.Specs.Bittensor.Chain;

/// <summary>
/// The key layout, with stand-in hashers that answer the digests the fixture README states
/// (the real Twox128/BLAKE2b are specified with the crypto code).
/// </summary>
public sealed class SubtensorStorageKeysSpecs
{
    private static readonly Dictionary<string, string> KnownDigests = new()
    {
        [Hex(Encoding.ASCII.GetBytes("SubtensorModule"))] = "658faa385070e074c85bf6b568cf0555",
        [Hex(Encoding.ASCII.GetBytes("Uids"))] = "aab1b4e78e1ea8305462ee53b3686dc8",
        ["4af7598952f87683204a2a0c2266f941a74899bd69b0ce56e42a82820f689446"] = "3e9947bb89c47cd7ad643c5d30c0e695",
        ["1a33474e4a857009da52aaa4080f176465f99c09763e03b9cd5ee038cec4093e"] = "5d3e588dc49748e3395ac2bc5a234374",
    };

    internal static SubtensorStorageKeys WithRecordedDigests() => new(Lookup, Lookup);

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static byte[] Lookup(byte[] input) => Convert.FromHexString(KnownDigests[Hex(input)]);

    [Theory]
    [InlineData(23, "4af7598952f87683204a2a0c2266f941a74899bd69b0ce56e42a82820f689446",
        "658faa385070e074c85bf6b568cf0555aab1b4e78e1ea8305462ee53b3686dc817003e9947bb89c47cd7ad643c5d30c0e6954af7598952f87683204a2a0c2266f941a74899bd69b0ce56e42a82820f689446")]
    [InlineData(14, "1a33474e4a857009da52aaa4080f176465f99c09763e03b9cd5ee038cec4093e",
        "658faa385070e074c85bf6b568cf0555aab1b4e78e1ea8305462ee53b3686dc80e005d3e588dc49748e3395ac2bc5a2343741a33474e4a857009da52aaa4080f176465f99c09763e03b9cd5ee038cec4093e")]
    public void The_uids_key_is_pallet_and_item_hashes_then_netuid_then_blake2_128_concat_of_the_hotkey(
        ushort netuid, string hotkey, string expected)
    {
        var key = WithRecordedDigests().Uids(netuid, AccountId.FromHex(hotkey));

        Assert.Equal(expected, Hex(key));
    }

    [Theory]
    [InlineData(23, "4af7598952f87683204a2a0c2266f941a74899bd69b0ce56e42a82820f689446",
        "658faa385070e074c85bf6b568cf0555aab1b4e78e1ea8305462ee53b3686dc817003e9947bb89c47cd7ad643c5d30c0e6954af7598952f87683204a2a0c2266f941a74899bd69b0ce56e42a82820f689446")]
    public void The_real_hashers_rebuild_the_recorded_uids_key(ushort netuid, string hotkey, string expected)
    {
        Assert.Equal(expected, Hex(SubtensorStorageKeys.Create().Uids(netuid, AccountId.FromHex(hotkey))));
    }

    [Fact]
    public void A_hasher_returning_the_wrong_length_is_reported()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new SubtensorStorageKeys(_ => new byte[8], Lookup));
        Assert.Contains("twox128", error.Message);
    }
}
