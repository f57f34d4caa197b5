using Miner.Host.Commands.Keys;
using Miner.Models.Bittensor.Keys;
using static Miner.Specs.Bittensor.KeyfileSamples;
using static Miner.Specs.Bittensor.KnownKeys;

namespace Miner.Specs.Bittensor;

public sealed class KeysCommandSpecs : IDisposable
{
    private const string HelloSignature =
        "0x8af49a526b5ff9301228a823219bc2aa807ebd8516a8d42817b53e38f95df8726c1d0b2a0e6561de1f3fc57fce280f14ce85cad8de155a125828d36a9bbb248b";

    private readonly TempWallet _temp = new();
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    public void Dispose() => _temp.Dispose();

    private string AllOutput => _stdout.ToString() + _stderr.ToString();

    private void WriteAliceHotkey() => _temp.WriteHotkey(Keyfile.SerializeKeypair(Bytes(AliceMiniSecret)));

    [Fact]
    public void Show_prints_the_address_and_public_key_of_the_hotkey()
    {
        _temp.WriteHotkey(Btwallet());
        Assert.Equal(0, new KeysShowCommand().Run(_temp.Location, _stdout, _stderr));
        Assert.Contains(BtwalletSs58, _stdout.ToString());
        Assert.Contains("0x" + BtwalletPublic, _stdout.ToString());
    }

    [Fact]
    public void Show_prints_nothing_secret()
    {
        _temp.WriteHotkey(Btwallet());
        new KeysShowCommand().Run(_temp.Location, _stdout, _stderr);
        Assert.False(RevealsBtwalletSecret(AllOutput));
    }

    [UnixFact]
    public void Show_warns_on_stderr_about_a_hotkey_readable_by_others()
    {
        _temp.WriteHotkey(Btwallet(), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        Assert.Equal(0, new KeysShowCommand().Run(_temp.Location, _stdout, _stderr));
        Assert.StartsWith("warning: key file", _stderr.ToString());
    }

    [Fact]
    public void Show_fails_with_the_reason_when_the_hotkey_is_missing()
    {
        Assert.Equal(1, new KeysShowCommand().Run(_temp.Location, _stdout, _stderr));
        Assert.Contains("does not exist", _stderr.ToString());
    }

    [Fact]
    public void New_creates_the_hotkey_and_prints_its_address()
    {
        Assert.Equal(0, new KeysNewCommand(new FixedRandomness(Bytes(BtwalletSeed))).Run(_temp.Location, _stdout, _stderr));
        Assert.Contains(BtwalletSs58, _stdout.ToString());
        Assert.True(File.Exists(_temp.Location.HotkeyFile));
    }

    [Fact]
    public void New_prints_nothing_secret()
    {
        new KeysNewCommand(new FixedRandomness(Bytes(BtwalletSeed))).Run(_temp.Location, _stdout, _stderr);
        Assert.False(RevealsBtwalletSecret(AllOutput));
    }

    [Fact]
    public void New_refuses_to_overwrite_an_existing_hotkey()
    {
        _temp.WriteHotkey(Btwallet());
        Assert.Equal(1, new KeysNewCommand().Run(_temp.Location, _stdout, _stderr));
        Assert.Contains("refusing to overwrite", _stderr.ToString());
    }

    [Fact]
    public void Sign_prints_the_hex_signature_of_the_message()
    {
        WriteAliceHotkey();
        Assert.Equal(0, new KeysSignCommand(FixedRandomness.Counting()).Run(_temp.Location, "hello", _stdout, _stderr));
        Assert.Equal(HelloSignature, _stdout.ToString().Trim());
    }

    [Fact]
    public void Sign_fails_with_the_reason_when_the_hotkey_is_encrypted()
    {
        _temp.WriteHotkey("$ANSIBLE_VAULT;1.1;AES256\n00");
        Assert.Equal(1, new KeysSignCommand().Run(_temp.Location, "hello", _stdout, _stderr));
        Assert.Contains("encrypted hotkeys are not supported", _stderr.ToString());
    }

    [Fact]
    public void Verify_accepts_a_valid_hex_signature_with_exit_code_0()
    {
        Assert.Equal(0, new KeysVerifyCommand().Run(_temp.Location, AliceSs58, "hello", HelloSignature, _stdout, _stderr));
        Assert.Equal("valid", _stdout.ToString().Trim());
    }

    [Fact]
    public void Verify_rejects_a_signature_over_another_message_with_exit_code_1()
    {
        Assert.Equal(1, new KeysVerifyCommand().Run(_temp.Location, AliceSs58, "hello!", HelloSignature, _stdout, _stderr));
        Assert.Equal("invalid", _stdout.ToString().Trim());
    }

    [Fact]
    public void Verify_rejects_a_signature_checked_against_another_address_with_exit_code_1()
    {
        Assert.Equal(1, new KeysVerifyCommand().Run(_temp.Location, BobSs58, "hello", HelloSignature, _stdout, _stderr));
    }

    [Fact]
    public void Verify_accepts_a_base64_licence_signature()
    {
        const string licence =
            "I, as a miner on SN17, have obtained all licenses, rights and consents required to use, reproduce, modify, display, " +
            "distribute and make available my submitted results to this subnet and its end users";
        var message = licence + "1735689660000000000a red apple" + BobSs58 + AliceSs58;
        const string signature = "yFiiImcJumpqW/7pL7MyMfiOBdvGD4JvZGe1tBMIglKkreULVZyI/NzYFRt2WtTt5eelU7JSOoe2CEFQI1RVig==";
        Assert.Equal(0, new KeysVerifyCommand().Run(_temp.Location, AliceSs58, message, signature, _stdout, _stderr));
    }

    [Fact]
    public void Verify_accepts_a_signature_over_the_bytes_wrapped_message_and_says_so()
    {
        var address = Ss58.Encode(Bytes("f84d048da2ddae2d9d8fd6763f469566e8817a26114f39408de15547f6d47805"));
        const string signature =
            "0x48ce2c90e08651adfc8ecef84e916f6d1bb51ebebd16150ee12df247841a5437951ea0f9d632ca165e6ab391532e75e701be6a1caa88c8a6bcca3511f55b4183";
        Assert.Equal(0, new KeysVerifyCommand().Run(_temp.Location, address, "message to sign", signature, _stdout, _stderr));
        Assert.Contains("<Bytes>", _stdout.ToString());
    }

    [Fact]
    public void Verify_without_an_address_checks_against_the_configured_hotkey()
    {
        WriteAliceHotkey();
        Assert.Equal(0, new KeysVerifyCommand().Run(_temp.Location, null, "hello", HelloSignature, _stdout, _stderr));
    }

    [Theory]
    [InlineData("0x1234")]
    [InlineData("not a signature")]
    [InlineData("")]
    public void Verify_reports_a_malformed_signature_with_exit_code_2(string signature)
    {
        Assert.Equal(2, new KeysVerifyCommand().Run(_temp.Location, AliceSs58, "hello", signature, _stdout, _stderr));
        Assert.Contains("64 bytes", _stderr.ToString());
    }

    [Fact]
    public void Verify_reports_a_malformed_address_with_exit_code_2()
    {
        Assert.Equal(2, new KeysVerifyCommand().Run(_temp.Location, AliceSs58[..^2], "hello", HelloSignature, _stdout, _stderr));
        Assert.Contains("SS58 address", _stderr.ToString());
    }

    [Fact]
    public void A_signature_made_by_sign_verifies_with_verify()
    {
        WriteAliceHotkey();
        new KeysSignCommand().Run(_temp.Location, "round trip", _stdout, _stderr);
        var signature = _stdout.ToString().Trim();
        Assert.Equal(0, new KeysVerifyCommand().Run(_temp.Location, AliceSs58, "round trip", signature, new StringWriter(), _stderr));
    }
}
