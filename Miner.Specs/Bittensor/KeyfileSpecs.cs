using System.Text;
using System.Text.Json;
using Miner.Models.Bittensor.Keys;
using static Miner.Specs.Bittensor.KeyfileSamples;
using static Miner.Specs.Bittensor.KnownKeys;

namespace Miner.Specs.Bittensor;

public sealed class KeyfileSpecs
{
    private static KeyfileException Refusal(string json) =>
        Assert.Throws<KeyfileException>(() => Keyfile.ReadKeypair(Encoding.UTF8.GetBytes(json), "hk"));

    [Fact]
    public void The_btwallet_example_keyfile_reads_to_its_public_key()
    {
        Assert.Equal(BtwalletPublic, Hex(Keyfile.ReadKeypair(Encoding.UTF8.GetBytes(Btwallet()), "hk").PublicKey));
    }

    [Fact]
    public void A_keyfile_whose_public_key_differs_from_the_seed_is_refused_naming_the_field()
    {
        var error = Refusal(Btwallet(publicKey: "0x" + AlicePublic));
        Assert.Contains("publicKey 0x" + AlicePublic, error.Message);
        Assert.Contains("derived from secretSeed", error.Message);
    }

    [Fact]
    public void A_keyfile_whose_account_id_differs_from_the_seed_is_refused_naming_the_field()
    {
        Assert.Contains("accountId", Refusal(Btwallet(accountId: "0x" + AlicePublic)).Message);
    }

    [Fact]
    public void A_keyfile_whose_ss58_address_differs_from_the_seed_is_refused_naming_the_field()
    {
        Assert.Contains("ss58Address " + AliceSs58, Refusal(Btwallet(ss58Address: AliceSs58)).Message);
    }

    [Fact]
    public void A_keyfile_whose_private_key_differs_from_the_seed_is_refused_without_quoting_either()
    {
        var error = Refusal(Btwallet(privateKey: "0x" + AliceSecretKey));
        Assert.Contains("privateKey does not belong", error.Message);
        Assert.False(RevealsBtwalletSecret(error.Message));
        Assert.DoesNotContain(AliceSecretKey[..12], error.Message);
    }

    [Fact]
    public void A_keyfile_with_an_unusable_ss58_address_is_refused_with_the_ss58_reason()
    {
        Assert.Contains("bad checksum", Refusal(Btwallet(ss58Address: BtwalletSs58[..^1] + "Y")).Message);
    }

    [Fact]
    public void A_keyfile_without_a_seed_reads_from_its_private_key()
    {
        var keypair = Keyfile.ReadKeypair(Encoding.UTF8.GetBytes(Btwallet(secretSeed: null, secretPhrase: null)), "hk");
        Assert.Equal(BtwalletPublic, Hex(keypair.PublicKey));
    }

    [Fact]
    public void A_keyfile_with_a_text_seed_falls_back_to_its_private_key_with_a_warning()
    {
        var warnings = new List<string>();
        var keypair = Keyfile.ReadKeypair(Encoding.UTF8.GetBytes(Btwallet(secretSeed: "0xnot hex at all")), "hk", warnings);
        Assert.Equal(BtwalletPublic, Hex(keypair.PublicKey));
        Assert.Contains(warnings, w => w.Contains("read from privateKey"));
    }

    [Fact]
    public void A_keyfile_with_a_text_seed_and_no_private_key_is_refused()
    {
        Assert.Contains("secretSeed is not 0x followed by 64 hex digits", Refusal(Btwallet(secretSeed: "0xtext", privateKey: null)).Message);
    }

    [Fact]
    public void A_keyfile_with_a_malformed_private_key_is_refused_without_quoting_it()
    {
        var error = Refusal(Btwallet(secretSeed: null, privateKey: "0x" + BtwalletPrivateKey[..100]));
        Assert.Contains("privateKey is not 0x followed by 128 hex digits", error.Message);
        Assert.False(RevealsBtwalletSecret(error.Message));
    }

    [Fact]
    public void A_keyfile_with_only_a_mnemonic_is_refused_as_unsupported()
    {
        var error = Refusal(Btwallet(secretSeed: null, privateKey: null));
        Assert.Contains("secretPhrase", error.Message);
        Assert.Contains("not supported", error.Message);
        Assert.False(RevealsBtwalletSecret(error.Message));
    }

    [Fact]
    public void A_public_only_keyfile_is_refused_as_holding_no_secret()
    {
        Assert.Contains("holds no secret", Refusal(PublicOnly(BtwalletPublic, BtwalletSs58)).Message);
    }

    [Fact]
    public void A_keyfile_with_a_number_value_is_refused_naming_the_field()
    {
        Assert.Contains("field 'secretSeed' is Number", Refusal("{\"secretSeed\": 12}").Message);
    }

    [Fact]
    public void A_keyfile_with_a_repeated_field_is_refused()
    {
        Assert.Contains("appears twice", Refusal(Btwallet()[..^1] + ",\"publicKey\":\"0x00\"}").Message);
    }

    [Fact]
    public void A_keyfile_that_is_a_json_array_is_refused()
    {
        Assert.Contains("must hold a JSON object", Refusal("[1,2]").Message);
    }

    [Fact]
    public void Broken_json_is_refused_with_a_position_and_without_quoting_the_content()
    {
        var truncated = Btwallet()[..150];
        var error = Refusal(truncated);
        Assert.Contains("not valid JSON (line 1", error.Message);
        Assert.False(RevealsBtwalletSecret(error.Message));
    }

    [Theory]
    [InlineData("$NACL", KeyfileFormat.NaclEncrypted)]
    [InlineData("$ANSIBLE_VAULT;1.1;AES256\n3132", KeyfileFormat.AnsibleVaultEncrypted)]
    [InlineData("gAAAAABkZ", KeyfileFormat.LegacyFernetEncrypted)]
    [InlineData("{\"publicKey\":null}", KeyfileFormat.PlainJson)]
    public void The_keyfile_format_is_told_by_its_first_bytes(string start, KeyfileFormat format)
    {
        Assert.Equal(format, Keyfile.DetectFormat(Encoding.ASCII.GetBytes(start)));
    }

    [Theory]
    [InlineData("$NACL\u0001\u0002", "NaCl")]
    [InlineData("$ANSIBLE_VAULT;1.1;AES256\n3132", "Ansible Vault")]
    [InlineData("gAAAAABkZ", "Fernet")]
    public void An_encrypted_hotkey_is_refused_naming_its_format(string contents, string formatName)
    {
        var error = Refusal(contents);
        Assert.Contains(formatName, error.Message);
        Assert.Contains("encrypted hotkeys are not supported", error.Message);
    }

    [Fact]
    public void A_serialized_keypair_has_every_field_of_the_btwallet_example()
    {
        using var written = JsonDocument.Parse(Keyfile.SerializeKeypair(Bytes(BtwalletSeed)));
        var fields = written.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetString());
        Assert.Equal("0x" + BtwalletPublic, fields["accountId"]);
        Assert.Equal("0x" + BtwalletPublic, fields["publicKey"]);
        Assert.Equal("0x" + BtwalletPrivateKey, fields["privateKey"]);
        Assert.Equal("0x" + BtwalletSeed, fields["secretSeed"]);
        Assert.Equal(BtwalletSs58, fields["ss58Address"]);
        Assert.Null(fields["secretPhrase"]);
    }

    [Fact]
    public void A_serialized_keypair_reads_back_to_the_same_key()
    {
        var json = Keyfile.SerializeKeypair(Bytes(AliceMiniSecret));
        Assert.Equal(AlicePublic, Hex(Keyfile.ReadKeypair(Encoding.UTF8.GetBytes(json), "hk").PublicKey));
    }

    [Fact]
    public void A_serialized_public_key_holds_no_secret_field()
    {
        var json = Keyfile.SerializePublicKey(Bytes(AlicePublic));
        Assert.Equal(["accountId", "publicKey", "ss58Address"], JsonDocument.Parse(json).RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void A_public_keyfile_reads_to_its_public_key()
    {
        Assert.Equal(AlicePublic, Hex(Keyfile.ReadPublicKey(Encoding.UTF8.GetBytes(PublicOnly(AlicePublic, AliceSs58)), "pub")));
    }

    [Fact]
    public void A_bittensor_7_public_keyfile_with_null_secrets_reads_to_its_public_key()
    {
        var json = $"{{\"accountId\": \"0x{AlicePublic}\", \"publicKey\": \"0x{AlicePublic}\", \"secretPhrase\": null, \"secretSeed\": null, \"ss58Address\": \"{AliceSs58}\"}}";
        Assert.Equal(AlicePublic, Hex(Keyfile.ReadPublicKey(Encoding.UTF8.GetBytes(json), "pub")));
    }

    [Fact]
    public void A_bare_hex_public_keyfile_reads_to_its_public_key()
    {
        Assert.Equal(AlicePublic, Hex(Keyfile.ReadPublicKey(Encoding.UTF8.GetBytes($"\"0x{AlicePublic}\"\n"), "pub")));
    }

    [Fact]
    public void A_public_keyfile_whose_address_belongs_to_another_key_is_refused()
    {
        var error = Assert.Throws<KeyfileException>(() => Keyfile.ReadPublicKey(Encoding.UTF8.GetBytes(PublicOnly(AlicePublic, BobSs58)), "pub"));
        Assert.Contains("ss58Address " + BobSs58, error.Message);
    }

    [Fact]
    public void A_public_keyfile_without_any_key_field_is_refused()
    {
        Assert.Contains("none of publicKey", Assert.Throws<KeyfileException>(() => Keyfile.ReadPublicKey("{}"u8, "pub")).Message);
    }
}
