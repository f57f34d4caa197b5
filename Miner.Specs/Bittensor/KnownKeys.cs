namespace Miner.Specs.Bittensor;

/// <summary>Keys from the spec's vectors (§5, §6.7, §6.11), as hex.</summary>
public static class KnownKeys
{
    public const string AliceMiniSecret = "e5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a";
    public const string AlicePublic = "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";
    public const string AliceSs58 = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    public const string AliceSecretKey =
        "33a6f3093f158a7109f679410bef1a0c54168145e0cecb4df006c1c2fffb1f09925a225d97aa00682d6a59b95b18780c10d7032336e88f3442b42361f4a66011";
    public const string BobPublic = "8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48";
    public const string BobSs58 = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

    // btwallet's test keyfile (mnemonic "old leopard …").
    public const string BtwalletSeed = "da3cf5b1e9144931a0f0db65664aab662673b099415a7f8121b7245fb0be4143";
    public const string BtwalletPublic = "e4359ad3e2716c539a1d663ebd0a51bdc5c98a12e663bb4c4402db47828c9446";
    public const string BtwalletPrivateKey =
        "1f1995bdf3a17b60626a26cfe6f564b337d46056b7a1281b64c649d592ccda0a9cffd34d9fb01cae1fba61aeed184c817442a2186d5172416729a4b54dd4b84e";
    public const string BtwalletSs58 = "5HDvhV6WDCjCKyrXqGQSDYqQAzkzabNhctmiDYEqgBC66BsX";

    public static byte[] Bytes(string hex) => Convert.FromHexString(hex);

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
