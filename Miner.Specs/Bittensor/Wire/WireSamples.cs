using System.Net;
using Miner.Models.Bittensor.Chain;
using Miner.Models.Bittensor.Crypto;
using Miner.Models.Bittensor.Wire;
using Miner.Specs.TestKit;

namespace Miner.Specs.Bittensor.Wire;

/// <summary>The spec's worked example (§1.8, §3.3): //Alice mines, //Bob validates at 203.0.113.7:8091.</summary>
internal static class WireSamples
{
    public const string Uuid = "d2a6a8c4-c7e8-11ef-9cd2-0242ac120002";
    public const string MinerIp = "198.51.100.23";
    public const long Nonce = 1735689600000000000;
    public const string EmptyBodyHash = "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a";

    public const string PullSignature =
        "0x6a0e0e8ce9ea4b3b3a247afc9b676a2ba2e87a2e5d9c3a557fc1bf7fb2b38630a6bc05639c1b2083c194db3938a93f6f7a1f3364ae48d735e9b97bd21833a489";

    public const string LicenceSignatureBase64 = "yFiiImcJumpqW/7pL7MyMfiOBdvGD4JvZGe1tBMIglKkreULVZyI/NzYFRt2WtTt5eelU7JSOoe2CEFQI1RVig==";

    public static readonly AxonTarget Bob = new(IPAddress.Parse("203.0.113.7"), 8091, KnownKeys.BobSs58);

    public static Sr25519Keypair Alice { get; } = Sr25519Keypair.FromMiniSecret(KnownKeys.Bytes(KnownKeys.AliceMiniSecret));

    /// <summary>Alice's dendrite at the spec's nonce, uuid and signature randomness.</summary>
    public static Dendrite AliceDendrite(ManualTimeProvider? time = null, AxonAddressPolicy? policy = null, DendriteOptions? options = null) =>
        new(Alice, options ?? new DendriteOptions { ExternalIp = MinerIp }, policy ?? AxonAddressPolicy.PublicOnly,
            time ?? new ManualTimeProvider(ManualTimeProvider.NewYear2025), FixedRandomness.Counting(), Uuid);
}
