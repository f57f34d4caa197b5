using Miner.Models.Bittensor.Crypto;

namespace Miner.Models.Bittensor.Keys;

/// <summary>
/// SS58 account addresses (substrate's address format) for 32-byte public keys: Base58 of
/// network prefix (1 byte for 0-63, 2 bytes for 64-16383) ‖ key ‖ first two bytes of
/// BLAKE2b-512("SS58PRE" ‖ prefix ‖ key). Bittensor uses prefix 42.
/// </summary>
public static class Ss58
{
    public const ushort BittensorPrefix = 42;
    public const ushort MaxPrefix = 16383;
    private const int KeyLength = 32;
    private const int ChecksumLength = 2;
    private const int MaxAddressLength = 50; // 36 bytes never need more Base58 digits

    public static string Encode(ReadOnlySpan<byte> publicKey, ushort prefix = BittensorPrefix)
    {
        if (publicKey.Length != KeyLength)
            throw new ArgumentException($"an SS58 account address holds a {KeyLength}-byte public key, got {publicKey.Length} bytes", nameof(publicKey));
        if (prefix > MaxPrefix)
            throw new ArgumentOutOfRangeException(nameof(prefix), prefix, $"SS58 network prefixes are 0 to {MaxPrefix}");
        byte[] prefixBytes = prefix < 64
            ? [(byte)prefix]
            : [(byte)(((prefix & 0xFC) >> 2) | 0x40), (byte)((prefix >> 8) | ((prefix & 0x03) << 6))];
        byte[] payload = [.. prefixBytes, .. publicKey, 0, 0];
        Checksum(payload.AsSpan(0, payload.Length - ChecksumLength)).CopyTo(payload.AsSpan(payload.Length - ChecksumLength));
        return Base58.Encode(payload);
    }

    /// <summary>Decodes an address for <paramref name="expectedPrefix"/> to its 32-byte public key.</summary>
    /// <exception cref="Ss58FormatException">with a message saying what is wrong.</exception>
    public static byte[] Decode(string address, ushort expectedPrefix = BittensorPrefix)
    {
        var key = DecodeAnyPrefix(address, out var prefix);
        if (prefix != expectedPrefix)
            throw new Ss58FormatException(Ss58Error.WrongPrefix,
                $"SS58 address '{address}' is for network prefix {prefix}, expected {expectedPrefix}" +
                (expectedPrefix == BittensorPrefix ? " (Bittensor addresses start with 5)" : ""));
        return key;
    }

    public static bool TryDecode(string? address, out byte[] publicKey, ushort expectedPrefix = BittensorPrefix)
    {
        try
        {
            publicKey = Decode(address ?? "", expectedPrefix);
            return true;
        }
        catch (Ss58FormatException)
        {
            publicKey = [];
            return false;
        }
    }

    /// <summary>Decodes an address of any network to its public key, returning the network prefix.</summary>
    /// <exception cref="Ss58FormatException">with a message saying what is wrong.</exception>
    public static byte[] DecodeAnyPrefix(string address, out ushort prefix)
    {
        prefix = 0;
        if (string.IsNullOrEmpty(address)) throw new Ss58FormatException(Ss58Error.Empty, "SS58 address is empty");
        var shown = Shown(address);
        if (address.Length > MaxAddressLength)
            throw new Ss58FormatException(Ss58Error.WrongLength,
                $"SS58 address '{shown}' is {address.Length} characters long; account addresses have at most {MaxAddressLength}");
        var data = Base58.Decode(address, out var invalidIndex)
            ?? throw new Ss58FormatException(Ss58Error.InvalidCharacter,
                $"SS58 address '{shown}' has '{Printable(address[invalidIndex])}' at position {invalidIndex}, " +
                "which is not a Base58 character (0, O, I and l are never used)");

        // Length first: a truncated or padded address shifts every byte, prefix included.
        if (data.Length is not (KeyLength + ChecksumLength + 1) and not (KeyLength + ChecksumLength + 2))
            throw new Ss58FormatException(Ss58Error.WrongLength,
                $"SS58 address '{shown}' decodes to {data.Length} bytes; an account address decodes to " +
                $"{KeyLength + ChecksumLength + 1} (1-byte network prefix) or {KeyLength + ChecksumLength + 2} (2-byte prefix)");
        int prefixLength;
        if (data[0] < 64)
        {
            prefixLength = 1;
            prefix = data[0];
        }
        else if (data[0] < 128)
        {
            prefixLength = 2;
            var lower = (byte)((data[0] << 2) | (data[1] >> 6));
            prefix = (ushort)(lower | ((data[1] & 0x3F) << 8));
            if (prefix < 64)
                throw new Ss58FormatException(Ss58Error.InvalidPrefix,
                    $"SS58 address '{shown}' writes network prefix {prefix} in two bytes; prefixes below 64 take one");
        }
        else
        {
            throw new Ss58FormatException(Ss58Error.InvalidPrefix,
                $"SS58 address '{shown}' starts with byte {data[0]}, which is not a network prefix (0-63 one byte, 64-127 two bytes)");
        }
        if (data.Length != prefixLength + KeyLength + ChecksumLength)
            throw new Ss58FormatException(Ss58Error.WrongLength,
                $"SS58 address '{shown}' decodes to {data.Length} bytes but its {prefixLength}-byte network prefix " +
                $"needs {prefixLength + KeyLength + ChecksumLength}");
        var body = data.AsSpan(0, data.Length - ChecksumLength);
        if (!Checksum(body).SequenceEqual(data.AsSpan(data.Length - ChecksumLength)))
            throw new Ss58FormatException(Ss58Error.BadChecksum,
                $"SS58 address '{shown}' has a bad checksum (mistyped or truncated?)");
        return body[prefixLength..].ToArray();
    }

    private static byte[] Checksum(ReadOnlySpan<byte> prefixAndKey) =>
        Blake2b.Hash([.. "SS58PRE"u8, .. prefixAndKey])[..ChecksumLength];

    // Addresses come from config and the network: keep error messages short and printable.
    private static string Shown(string address)
    {
        var head = address.Length > 60 ? address[..60] + "…" : address;
        return string.Concat(head.Select(Printable));
    }

    private static string Printable(char c) => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString();
}
