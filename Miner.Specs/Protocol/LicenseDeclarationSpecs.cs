using System.Security.Cryptography;
using System.Text;
using Miner.Models.Protocol;
using Miner.Specs.Bittensor;
using Miner.Specs.Bittensor.Wire;

namespace Miner.Specs.Protocol;

public sealed class LicenseDeclarationSpecs
{
    private const long SubmitTime = 1735689660000000000;
    private const string SignatureHex =
        "c858a2226709ba6a6a5bfee92fb33231f88e05dbc60f826f6467b5b413088252a4ade50b559c88fcdcd8151b765ad4ede5e7a553b2523a87b60841502354558a";

    [Fact]
    public void The_declaration_is_the_subnets_199_character_text()
    {
        Assert.Equal(199, LicenseDeclaration.Text.Length);
        Assert.Equal("4ce1b0e563e233282c91114687a4e08765cfc2b4e00ad94a13607352cd09ecc9",
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(LicenseDeclaration.Text))));
    }

    [Fact]
    public void The_message_concatenates_declaration_time_prompt_validator_and_miner()
    {
        var message = LicenseDeclaration.Message(SubmitTime, "a red apple", KnownKeys.BobSs58, KnownKeys.AliceSs58);
        Assert.Equal(LicenseDeclaration.Text + "1735689660000000000a red apple" + KnownKeys.BobSs58 + KnownKeys.AliceSs58, Encoding.UTF8.GetString(message));
    }

    [Fact]
    public void Signing_with_the_specs_randomness_gives_the_specs_vector()
    {
        var signature = LicenseDeclaration.Sign(WireSamples.Alice, SubmitTime, "a red apple", KnownKeys.BobSs58, FixedRandomness.Counting());
        Assert.Equal(SignatureHex, KnownKeys.Hex(Convert.FromBase64String(signature)));
        Assert.Equal(WireSamples.LicenceSignatureBase64, signature);
    }

    [Fact]
    public void The_specs_vector_verifies()
    {
        Assert.True(LicenseDeclaration.Verify(WireSamples.LicenceSignatureBase64, SubmitTime, "a red apple", KnownKeys.BobSs58, KnownKeys.AliceSs58));
    }

    [Fact]
    public void A_signature_for_another_prompt_does_not_verify()
    {
        Assert.False(LicenseDeclaration.Verify(WireSamples.LicenceSignatureBase64, SubmitTime, "a green apple", KnownKeys.BobSs58, KnownKeys.AliceSs58));
    }

    [Fact]
    public void A_signature_over_the_bytes_wrapped_message_verifies_as_btwallet_allows()
    {
        var message = LicenseDeclaration.Message(SubmitTime, "a red apple", KnownKeys.BobSs58, KnownKeys.AliceSs58);
        var wrapped = Convert.ToBase64String(WireSamples.Alice.Sign([.. "<Bytes>"u8, .. message, .. "</Bytes>"u8]));
        Assert.True(LicenseDeclaration.Verify(wrapped, SubmitTime, "a red apple", KnownKeys.BobSs58, KnownKeys.AliceSs58));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAEC")]
    [InlineData(" yFiiImcJumpqW/7pL7MyMfiOBdvGD4JvZGe1tBMIglKkreULVZyI/NzYFRt2WtTt5eelU7JSOoe2CEFQI1RVig==")]
    public void A_signature_that_is_not_strict_base64_of_64_bytes_is_a_format_error(string signature)
    {
        Assert.Throws<FormatException>(() => LicenseDeclaration.Verify(signature, SubmitTime, "a red apple", KnownKeys.BobSs58, KnownKeys.AliceSs58));
    }
}
