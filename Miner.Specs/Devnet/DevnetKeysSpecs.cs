using Miner.Host.Devnet;
using Miner.Models.Bittensor.Crypto;

namespace Miner.Specs.Devnet;

/// <summary>Deterministic dev hotkeys.</summary>
public sealed class DevnetKeysSpecs
{
    [Fact]
    public void The_same_seed_and_uid_give_the_same_hotkey()
    {
        Assert.Equal(DevnetKeys.Validator(3, 1).PublicKey, DevnetKeys.Validator(3, 1).PublicKey);
    }

    [Fact]
    public void Validators_seeds_and_miners_get_distinct_hotkeys()
    {
        byte[][] keys = [DevnetKeys.Validator(1, 0).PublicKey, DevnetKeys.Validator(1, 1).PublicKey, DevnetKeys.Validator(2, 0).PublicKey, DevnetKeys.Miner(1).PublicKey];
        Assert.Equal(4, keys.Select(Convert.ToHexString).Distinct().Count());
    }

    [Fact]
    public void A_dev_hotkey_signs_verifiably()
    {
        var key = DevnetKeys.Miner(1);
        Assert.True(Sr25519.Verify(key.PublicKey, "hello"u8, key.Sign("hello"u8)));
    }
}
