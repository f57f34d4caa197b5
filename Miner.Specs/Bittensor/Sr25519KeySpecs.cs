using System.Text;
using Miner.Models.Bittensor.Crypto;
using static Miner.Specs.Bittensor.KnownKeys;

namespace Miner.Specs.Bittensor;

public sealed class Sr25519KeySpecs
{
    public static TheoryData<string, string> MiniSecretsAndPublicKeys() => new()
    {
        { AliceMiniSecret, AlicePublic },
        { "fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e", "46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a" },
        { "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "44a996beb1eef7bdcab976ab6d2ca26104834164ecf28fb375600576fcc6eb0f" },
        { Hex(Encoding.ASCII.GetBytes("12345678901234567890123456789012")), "741c08a06f41c596608f6774259bd9043304adfa5d3eea62760bd9be97634d63" },
        { BtwalletSeed, BtwalletPublic },
    };

    [Theory]
    [MemberData(nameof(MiniSecretsAndPublicKeys))]
    public void A_known_mini_secret_expands_to_its_published_public_key(string miniSecret, string publicKey)
    {
        Assert.Equal(publicKey, Hex(Sr25519Keypair.FromMiniSecret(Bytes(miniSecret)).PublicKey));
    }

    [Fact]
    public void Alice_expands_to_the_published_canonical_secret_key()
    {
        Assert.Equal(AliceSecretKey, Hex(Sr25519Keypair.FromMiniSecret(Bytes(AliceMiniSecret)).ExportSecretKey()));
    }

    [Fact]
    public void The_dev_seed_expands_to_the_published_canonical_secret_key()
    {
        var keypair = Sr25519Keypair.FromMiniSecret(Bytes("fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e"));
        Assert.Equal(
            "05d65584630d16cd4af6d0bec10f34bb504a5dcb62dba2122d49f5a663763d0a" +
            "fd190cce74df356432b410bd64682309d6dedb27c76845daf388557cbac3ca34",
            Hex(keypair.ExportSecretKey()));
    }

    [Fact]
    public void The_btwallet_private_key_loads_to_the_btwallet_public_key()
    {
        Assert.Equal(BtwalletPublic, Hex(Sr25519Keypair.FromSecretKey(Bytes(BtwalletPrivateKey)).PublicKey));
    }

    [Fact]
    public void The_btwallet_seed_expands_to_the_btwallet_private_key()
    {
        Assert.Equal(BtwalletPrivateKey, Hex(Sr25519Keypair.FromMiniSecret(Bytes(BtwalletSeed)).ExportSecretKey()));
    }

    [Fact]
    public void A_secret_key_whose_scalar_is_not_below_the_group_order_is_refused()
    {
        var secret = new byte[64];
        Array.Fill(secret, (byte)0xff, 0, 32);
        var error = Assert.Throws<ArgumentException>(() => Sr25519Keypair.FromSecretKey(secret));
        Assert.Contains("group order", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(64)]
    public void A_mini_secret_that_is_not_32_bytes_is_refused(int length)
    {
        Assert.Throws<ArgumentException>(() => Sr25519Keypair.FromMiniSecret(new byte[length]));
    }

    [Fact]
    public void A_keypair_as_text_shows_the_public_key_and_nothing_secret()
    {
        var keypair = Sr25519Keypair.FromMiniSecret(Bytes(AliceMiniSecret));
        var text = keypair.ToString();
        Assert.Contains(AlicePublic, text);
        Assert.DoesNotContain(AliceMiniSecret[..16], text);
        Assert.DoesNotContain(AliceSecretKey[..16], text);
        Assert.DoesNotContain(AliceSecretKey[64..80], text);
    }
}
