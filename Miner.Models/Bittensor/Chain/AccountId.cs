using System.Buffers.Binary;

namespace Miner.Models.Bittensor.Chain;

/// <summary>
/// A 32-byte account id (an sr25519 public key), compared by value. Hotkeys and coldkeys are carried in this
/// form; SS58 text is only for display and configuration.
/// </summary>
public readonly struct AccountId : IEquatable<AccountId>
{
    public const int Length = 32;

    // Four words instead of an array: value equality, no allocation per neuron.
    private readonly ulong _w0, _w1, _w2, _w3;

    public AccountId(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != Length)
            throw new ArgumentException($"an account id is {Length} bytes, got {publicKey.Length}", nameof(publicKey));
        _w0 = BinaryPrimitives.ReadUInt64LittleEndian(publicKey);
        _w1 = BinaryPrimitives.ReadUInt64LittleEndian(publicKey[8..]);
        _w2 = BinaryPrimitives.ReadUInt64LittleEndian(publicKey[16..]);
        _w3 = BinaryPrimitives.ReadUInt64LittleEndian(publicKey[24..]);
    }

    /// <summary>Parses 64 hex digits, with or without a <c>0x</c> prefix.</summary>
    public static AccountId FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex;
        if (digits.Length != Length * 2)
            throw new FormatException($"an account id is {Length * 2} hex digits, got {digits.Length}");
        return new AccountId(Convert.FromHexString(digits));
    }

    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < Length) throw new ArgumentException("destination is shorter than 32 bytes", nameof(destination));
        BinaryPrimitives.WriteUInt64LittleEndian(destination, _w0);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], _w1);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], _w2);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], _w3);
    }

    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>64 lowercase hex digits, no prefix.</summary>
    public string ToHex()
    {
        Span<byte> bytes = stackalloc byte[Length];
        CopyTo(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    public override string ToString() => "0x" + ToHex();

    public bool Equals(AccountId other) =>
        _w0 == other._w0 && _w1 == other._w1 && _w2 == other._w2 && _w3 == other._w3;

    public override bool Equals(object? obj) => obj is AccountId other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_w0, _w1, _w2, _w3);

    public static bool operator ==(AccountId left, AccountId right) => left.Equals(right);

    public static bool operator !=(AccountId left, AccountId right) => !left.Equals(right);
}
