using System.Text.Json;
using Miner.Models.Bittensor.Crypto;

namespace Miner.Models.Bittensor.Keys;

/// <summary>
/// The bittensor keyfile JSON (btwallet 4): an object of string-or-null values — accountId,
/// publicKey, privateKey, secretPhrase, secretSeed, ss58Address. Reading cross-checks every field
/// present against the key derived from the secret; errors never quote secret values.
/// </summary>
public static class Keyfile
{
    internal const int MaxKeyfileBytes = 64 * 1024;

    public static KeyfileFormat DetectFormat(ReadOnlySpan<byte> contents) =>
        contents.StartsWith("$NACL"u8) ? KeyfileFormat.NaclEncrypted
        : contents.StartsWith("$ANSIBLE_VAULT"u8) ? KeyfileFormat.AnsibleVaultEncrypted
        : contents.StartsWith("gAAAAA"u8) ? KeyfileFormat.LegacyFernetEncrypted
        : KeyfileFormat.PlainJson;

    /// <summary>
    /// Reads the keypair of a plain hotkey keyfile from <c>secretSeed</c> (or <c>privateKey</c>
    /// when the seed is absent or not hex) and checks the other fields against it.
    /// </summary>
    /// <param name="source">the file name, for messages</param>
    /// <param name="warnings">receives notes the caller should log (none contain secrets)</param>
    /// <exception cref="KeyfileException">encrypted, malformed, or inconsistent</exception>
    public static Sr25519Keypair ReadKeypair(ReadOnlySpan<byte> contents, string source, ICollection<string>? warnings = null)
    {
        var fields = ReadFields(contents, source);
        var (keypair, derivedFrom) = KeypairFromSecretFields(fields, source, warnings);

        if (derivedFrom == "secretSeed" && HexBytes(fields, "privateKey", Sr25519Keypair.SecretKeyLength, source) is { } privateKey)
        {
            var derived = keypair.ExportSecretKey();
            var same = ConstantTime.Equal(derived, privateKey) == 1;
            Array.Clear(derived);
            Array.Clear(privateKey);
            if (!same) throw new KeyfileException($"{source}: privateKey does not belong to the key derived from secretSeed");
        }
        CheckPublicFields(fields, keypair.PublicKey, $"the key derived from {derivedFrom}", source);
        return keypair;
    }

    /// <summary>
    /// Reads the public key of a public keyfile (coldkeypub.txt, HOTKEYpub.txt) or of the public
    /// fields of a hotkey file; accountId, publicKey and ss58Address must agree. Also accepts the
    /// very old bare "0x…" form.
    /// </summary>
    /// <exception cref="KeyfileException">encrypted, malformed, or inconsistent</exception>
    public static byte[] ReadPublicKey(ReadOnlySpan<byte> contents, string source)
    {
        if (contents.Length <= 80)
        {
            var bare = System.Text.Encoding.UTF8.GetString(contents).Trim().Trim('"');
            if (bare.Length == 66 && bare.StartsWith("0x", StringComparison.Ordinal) && IsHex(bare.AsSpan(2)))
                return Convert.FromHexString(bare.AsSpan(2));
        }

        var fields = ReadFields(contents, source);
        var (key, field) = HexBytes(fields, "publicKey", 32, source) is { } publicKey ? (publicKey, "publicKey")
            : HexBytes(fields, "accountId", 32, source) is { } accountId ? (accountId, "accountId")
            : Ss58Field(fields, source) is { } fromAddress ? (fromAddress, "ss58Address")
            : throw new KeyfileException($"{source}: has none of publicKey, accountId or ss58Address");
        CheckPublicFields(fields, key, field, source);
        return key;
    }

    /// <summary>The hotkey keyfile JSON btwallet writes, derived from a 32-byte mini secret.</summary>
    public static string SerializeKeypair(ReadOnlySpan<byte> miniSecret)
    {
        var keypair = Sr25519Keypair.FromMiniSecret(miniSecret);
        var secretKey = keypair.ExportSecretKey();
        try
        {
            return Serialize(keypair.PublicKey, secretKey, miniSecret);
        }
        finally
        {
            Array.Clear(secretKey);
        }
    }

    /// <summary>The public-only JSON of coldkeypub.txt and HOTKEYpub.txt.</summary>
    public static string SerializePublicKey(ReadOnlySpan<byte> publicKey) => Serialize(publicKey, [], []);

    private static string Serialize(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> miniSecret)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            var hex = "0x" + Convert.ToHexStringLower(publicKey);
            json.WriteStartObject();
            json.WriteString("accountId", hex);
            json.WriteString("publicKey", hex);
            if (!secretKey.IsEmpty)
            {
                json.WriteString("privateKey", "0x" + Convert.ToHexStringLower(secretKey));
                json.WriteNull("secretPhrase");
                json.WriteString("secretSeed", "0x" + Convert.ToHexStringLower(miniSecret));
            }
            json.WriteString("ss58Address", Ss58.Encode(publicKey));
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static (Sr25519Keypair Keypair, string Field) KeypairFromSecretFields(Dictionary<string, string?> fields, string source, ICollection<string>? warnings)
    {
        if (fields.TryGetValue("secretSeed", out var seed) && seed is not null)
        {
            var miniSecret = HexBytes(fields, "secretSeed", Sr25519Keypair.MiniSecretLength, source, required: false);
            if (miniSecret is not null)
            {
                var keypair = Sr25519Keypair.FromMiniSecret(miniSecret);
                Array.Clear(miniSecret);
                return (keypair, "secretSeed");
            }
            // btwallet can write a seed as text rather than hex; its privateKey is then the usable secret.
            if (!fields.ContainsKey("privateKey"))
                throw new KeyfileException($"{source}: secretSeed is not 0x followed by 64 hex digits and there is no privateKey to fall back on");
            warnings?.Add($"{source}: secretSeed is not 0x followed by 64 hex digits; the key was read from privateKey");
        }
        if (HexBytes(fields, "privateKey", Sr25519Keypair.SecretKeyLength, source) is { } secretKey)
        {
            try
            {
                return (Sr25519Keypair.FromSecretKey(secretKey), "privateKey");
            }
            catch (ArgumentException)
            {
                throw new KeyfileException($"{source}: privateKey is not a canonical sr25519 secret key (its scalar is not below the group order)");
            }
            finally
            {
                Array.Clear(secretKey);
            }
        }
        if (fields.TryGetValue("secretPhrase", out var phrase) && phrase is not null)
            throw new KeyfileException($"{source}: holds only a secretPhrase; reading mnemonics is not supported, " +
                                       "regenerate the keyfile with btcli so that it also holds secretSeed");
        throw new KeyfileException($"{source}: holds no secret (secretSeed or privateKey); it is a public-only keyfile");
    }

    private static void CheckPublicFields(Dictionary<string, string?> fields, byte[] key, string reference, string source)
    {
        foreach (var name in new[] { "publicKey", "accountId" })
            if (HexBytes(fields, name, 32, source) is { } value && !value.AsSpan().SequenceEqual(key))
                throw new KeyfileException(
                    $"{source}: {name} 0x{Convert.ToHexStringLower(value)} does not match 0x{Convert.ToHexStringLower(key)} from {reference}");
        if (Ss58Field(fields, source) is { } fromAddress && !fromAddress.AsSpan().SequenceEqual(key))
            throw new KeyfileException(
                $"{source}: ss58Address {fields["ss58Address"]} does not match {Ss58.Encode(key)} from {reference}");
    }

    private static byte[]? Ss58Field(Dictionary<string, string?> fields, string source)
    {
        if (!fields.TryGetValue("ss58Address", out var address) || address is null) return null;
        try
        {
            return Ss58.DecodeAnyPrefix(address, out _);
        }
        catch (Ss58FormatException e)
        {
            throw new KeyfileException($"{source}: ss58Address is not usable: {e.Message}", e);
        }
    }

    // Field values may be secret: messages say what is wrong with them, never what they are.
    private static byte[]? HexBytes(Dictionary<string, string?> fields, string name, int length, string source, bool required = true)
    {
        if (!fields.TryGetValue(name, out var text) || text is null) return null;
        var digits = text.AsSpan();
        if (digits.StartsWith("0x") || digits.StartsWith("0X")) digits = digits[2..];
        if (digits.Length == 2 * length && IsHex(digits)) return Convert.FromHexString(digits);
        if (!required) return null;
        throw new KeyfileException($"{source}: {name} is not 0x followed by {2 * length} hex digits ({length} bytes)");
    }

    private static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (!char.IsAsciiHexDigit(c)) return false;
        return true;
    }

    private static Dictionary<string, string?> ReadFields(ReadOnlySpan<byte> contents, string source)
    {
        var format = DetectFormat(contents);
        if (format != KeyfileFormat.PlainJson)
            throw new KeyfileException($"{source}: is encrypted ({Describe(format)}); encrypted hotkeys are not supported. " +
                                       "Use an unencrypted hotkey (btcli stores hotkeys unencrypted unless asked to encrypt them).");
        if (contents.Length > MaxKeyfileBytes)
            throw new KeyfileException($"{source}: is {contents.Length} bytes; a keyfile is well under {MaxKeyfileBytes}");
        // JsonDocument only validates UTF-8 inside strings when they are read, so check it all first.
        if (!System.Text.Unicode.Utf8.IsValid(contents))
            throw new KeyfileException($"{source}: is not UTF-8 text");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(contents.ToArray(), new JsonDocumentOptions { MaxDepth = 4 });
        }
        catch (JsonException e)
        {
            // The parser's own message can quote file content, which may be secret.
            throw new KeyfileException($"{source}: is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new KeyfileException($"{source}: must hold a JSON object, found {document.RootElement.ValueKind}");
            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var value = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null => null,
                    var kind => throw new KeyfileException($"{source}: field {Quoted(property.Name)} is {kind}; keyfile values are strings or null"),
                };
                if (!fields.TryAdd(property.Name, value))
                    throw new KeyfileException($"{source}: field {Quoted(property.Name)} appears twice");
            }
            return fields;
        }
    }

    private static string Describe(KeyfileFormat format) => format switch
    {
        KeyfileFormat.NaclEncrypted => "NaCl secretbox, starts with $NACL",
        KeyfileFormat.AnsibleVaultEncrypted => "Ansible Vault, starts with $ANSIBLE_VAULT",
        KeyfileFormat.LegacyFernetEncrypted => "legacy Fernet, starts with gAAAAA",
        _ => "plain JSON",
    };

    private static string Quoted(string name) => name.Length > 40 || name.Any(char.IsControl) ? "(unusual name)" : $"'{name}'";
}
