using System.Text;
using Miner.Models.Bittensor.Crypto;
using static Miner.Specs.Bittensor.KnownKeys;

namespace Miner.Specs.Bittensor;

public sealed class Sr25519SignatureSpecs
{
    private const string ControlMessage = "I hereby verify that I control 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    private const string WrappedSigner = "f84d048da2ddae2d9d8fd6763f469566e8817a26114f39408de15547f6d47805";
    private const string WrappedSignature =
        "48ce2c90e08651adfc8ecef84e916f6d1bb51ebebd16150ee12df247841a5437951ea0f9d632ca165e6ab391532e75e701be6a1caa88c8a6bcca3511f55b4183";

    private const string LicenceDeclaration =
        "I, as a miner on SN17, have obtained all licenses, rights and consents required to use, reproduce, modify, display, " +
        "distribute and make available my submitted results to this subnet and its end users";

    private static readonly Sr25519Keypair Alice = Sr25519Keypair.FromMiniSecret(Bytes(AliceMiniSecret));

    public static TheoryData<string> KnownGoodControlSignatures() => new()
    {
        "1037eb7e51613d0dcf5930ae518819c87d655056605764840d9280984e1b7063c4566b55bf292fcab07b369d01095879b50517beca4d26e6a65866e25fec0d83",
        "b83881d3bd7302981ee1c504fe5b7b394682927131fc0846fd616bb40fa14d02640fd2aca785b4cb57904765c2e4e75f59a7dd30154c209964369912091f6981",
    };

    [Theory]
    [MemberData(nameof(KnownGoodControlSignatures))]
    public void A_published_signature_by_alice_verifies(string signature)
    {
        Assert.True(Sr25519.Verify(Bytes(AlicePublic), Encoding.UTF8.GetBytes(ControlMessage), Bytes(signature)));
    }

    [Fact]
    public void A_published_signature_over_a_bytes_wrapped_message_verifies_against_the_wrapped_message()
    {
        Assert.True(Sr25519.Verify(Bytes(WrappedSigner), "<Bytes>message to sign</Bytes>"u8, Bytes(WrappedSignature)));
    }

    [Fact]
    public void A_bytes_wrapped_signature_does_not_verify_against_the_bare_message_with_plain_verification()
    {
        Assert.False(Sr25519.Verify(Bytes(WrappedSigner), "message to sign"u8, Bytes(WrappedSignature)));
    }

    [Fact]
    public void A_bytes_wrapped_signature_verifies_against_the_bare_message_with_the_btwallet_fallback()
    {
        Assert.True(Sr25519.VerifyWithBytesWrapperFallback(Bytes(WrappedSigner), "message to sign"u8, Bytes(WrappedSignature)));
    }

    [Fact]
    public void A_pre_audit_signature_without_the_schnorrkel_marker_is_rejected()
    {
        var signature = Bytes(
            "5a9755f069939f45d96aaf125cf5ce7ba1db998686f87f2fb3cbdea922078741a73891ba265f70c31436e18a9acd14d189d73c12317ab6c313285cd938453202");
        var message = "Verifying that I am the owner of 5G9hQLdsKQswNPgB499DeA5PkFBbgkLPJWkkS6FAM6xGQ8xD. Hash: 221455a3\n"u8;
        Assert.False(Sr25519.Verify(Bytes("b4bfa1f7a5166695eb75299fd1c4c03ea212871c342f2c5dfea0902b2c246918"), message, signature));
    }

    [Fact]
    public void Alice_signing_hello_with_counting_randomness_gives_the_spec_trace_signature()
    {
        var signature = Alice.Sign("hello"u8, FixedRandomness.Counting());
        Assert.Equal(
            "8af49a526b5ff9301228a823219bc2aa807ebd8516a8d42817b53e38f95df872" +
            "6c1d0b2a0e6561de1f3fc57fce280f14ce85cad8de155a125828d36a9bbb248b",
            Hex(signature));
    }

    [Fact]
    public void Alice_signing_the_worked_dendrite_message_gives_the_spec_signature()
    {
        var message = "1735689600000000000.5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY.5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty." +
                      "d2a6a8c4-c7e8-11ef-9cd2-0242ac120002.a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a";
        var signature = Alice.Sign(Encoding.UTF8.GetBytes(message), FixedRandomness.Counting());
        Assert.Equal(
            "6a0e0e8ce9ea4b3b3a247afc9b676a2ba2e87a2e5d9c3a557fc1bf7fb2b38630" +
            "a6bc05639c1b2083c194db3938a93f6f7a1f3364ae48d735e9b97bd21833a489",
            Hex(signature));
    }

    [Fact]
    public void Alice_signing_the_worked_licence_declaration_gives_the_spec_signature()
    {
        var message = LicenceDeclaration + "1735689660000000000" + "a red apple" + BobSs58 + AliceSs58;
        var signature = Alice.Sign(Encoding.UTF8.GetBytes(message), FixedRandomness.Counting());
        Assert.Equal("yFiiImcJumpqW/7pL7MyMfiOBdvGD4JvZGe1tBMIglKkreULVZyI/NzYFRt2WtTt5eelU7JSOoe2CEFQI1RVig==", Convert.ToBase64String(signature));
    }

    [Fact]
    public void The_licence_declaration_under_test_is_the_one_the_spec_hashes()
    {
        Assert.Equal("4ce1b0e563e233282c91114687a4e08765cfc2b4e00ad94a13607352cd09ecc9",
            Hex(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(LicenceDeclaration))));
    }

    [Fact]
    public void Two_signatures_of_the_same_message_with_system_randomness_differ_and_both_verify()
    {
        var first = Alice.Sign("same"u8);
        var second = Alice.Sign("same"u8);
        Assert.NotEqual(Hex(first), Hex(second));
        Assert.True(Sr25519.Verify(Alice.PublicKey, "same"u8, first));
        Assert.True(Sr25519.Verify(Alice.PublicKey, "same"u8, second));
    }

    [Fact]
    public void A_signature_sets_the_schnorrkel_marker_bit()
    {
        Assert.Equal(0x80, Alice.Sign("marker"u8)[63] & 0x80);
    }
}
