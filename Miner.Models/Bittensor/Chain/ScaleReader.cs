using System.Buffers.Binary;

namespace Miner.Models.Bittensor.Chain;

/// <summary>
/// Bounds-checked SCALE reader over a span. Every read names its field; a failure throws
/// <see cref="ScaleDecodeException"/> with the dotted path (built from <see cref="Enter"/>/<see cref="EnterIndex"/>)
/// and the absolute offset, and never any other exception type.
/// </summary>
public ref struct ScaleReader
{
    /// <summary>Field name for a Vec element or Option payload whose path is already complete (<c>hotkeys[3]</c>).</summary>
    public const string Element = "";

    private readonly ReadOnlySpan<byte> _data;
    private readonly int _baseOffset;
    private readonly ScaleFieldPath _path;
    private int _position;

    /// <param name="data">The bytes to decode.</param>
    /// <param name="baseOffset">Offset of <paramref name="data"/> inside the original payload, for error messages.</param>
    public ScaleReader(ReadOnlySpan<byte> data, int baseOffset = 0)
    {
        _data = data;
        _baseOffset = baseOffset;
        _path = new ScaleFieldPath();
        _position = 0;
    }

    /// <summary>Absolute offset of the next byte.</summary>
    public readonly int Offset => _baseOffset + _position;

    public readonly int Remaining => _data.Length - _position;

    public readonly void Enter(string name) => _path.Push(name);

    public readonly void EnterIndex(int index) => _path.PushIndex(index);

    public readonly void Leave() => _path.Pop();

    public byte ReadU8(string field) => Take(field, 1)[0];

    public ushort ReadU16(string field) => BinaryPrimitives.ReadUInt16LittleEndian(Take(field, 2));

    public uint ReadU32(string field) => BinaryPrimitives.ReadUInt32LittleEndian(Take(field, 4));

    public ulong ReadU64(string field) => BinaryPrimitives.ReadUInt64LittleEndian(Take(field, 8));

    public UInt128 ReadU128(string field) => BinaryPrimitives.ReadUInt128LittleEndian(Take(field, 16));

    public bool ReadBool(string field)
    {
        var start = _position;
        var value = Take(field, 1)[0];
        return value switch
        {
            0 => false,
            1 => true,
            _ => throw ErrorAt(field, start, $"bool must be 0x00 or 0x01, got 0x{value:x2}"),
        };
    }

    /// <summary>A fixed array <c>[u8; N]</c>: N raw bytes, no length prefix.</summary>
    public ReadOnlySpan<byte> ReadFixed(string field, int length) => Take(field, length);

    public AccountId ReadAccountId(string field) => new(Take(field, AccountId.Length));

    /// <summary>A compact integer in any of the four modes, up to 128 bits. Non-canonical encodings are accepted.</summary>
    public UInt128 ReadCompact(string field)
    {
        var start = _position;
        if (TryReadSmallCompact(field, out var small)) return small;
        var count = (Take(field, 1)[0] >> 2) + 4;
        if (Remaining < count)
            throw ErrorAt(field, start, $"compact big integer needs {count} bytes after its header, {Remaining} left");
        var bytes = Take(field, count);
        // The format allows up to 67 bytes; anything past 128 bits must be zero padding.
        if (count > 16 && bytes[16..].ContainsAnyExcept((byte)0))
            throw ErrorAt(field, start, $"compact value of {count} bytes exceeds 128 bits");
        Span<byte> padded = stackalloc byte[16];
        bytes[..Math.Min(count, 16)].CopyTo(padded);
        return BinaryPrimitives.ReadUInt128LittleEndian(padded);
    }

    public ulong ReadCompactU64(string field)
    {
        if (TryReadSmallCompact(field, out var small)) return small;
        var start = _position;
        var value = ReadCompact(field);
        return value <= ulong.MaxValue ? (ulong)value : throw ErrorAt(field, start, $"compact value {value} exceeds u64");
    }

    public ushort ReadCompactU16(string field)
    {
        var start = _position;
        var value = TryReadSmallCompact(field, out var small) ? small : ReadCompact(field);
        return value <= ushort.MaxValue ? (ushort)value : throw ErrorAt(field, start, $"compact value {value} exceeds u16");
    }

    /// <summary>
    /// A Vec length prefix. Fails fast when the declared elements, at <paramref name="minElementSize"/> bytes
    /// each, cannot fit in what is left, so a hostile length never drives an allocation.
    /// </summary>
    public int ReadLength(string field, int minElementSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minElementSize, 1);
        var start = _position;
        var declared = ReadCompact(field);
        if (declared > (UInt128)(Remaining / minElementSize))
            throw ErrorAt(field, start,
                $"declares {declared} elements of at least {minElementSize} bytes, only {Remaining} bytes left");
        return (int)declared;
    }

    /// <summary><c>Vec&lt;u8&gt;</c>: compact byte count, then the bytes.</summary>
    public ReadOnlySpan<byte> ReadBytes(string field)
    {
        var length = ReadLength(field, 1);
        return Take(field, length);
    }

    public T[] ReadVec<T>(string field, int minElementSize, ScaleRead<T> element)
    {
        var length = ReadLength(field, minElementSize);
        var items = new T[length];
        _path.Push(field);
        for (var i = 0; i < length; i++)
        {
            _path.PushIndex(i);
            items[i] = element(ref this);
            _path.Pop();
        }
        _path.Pop();
        return items;
    }

    /// <summary>The tag of an <c>Option&lt;T&gt;</c>: false for None (0x00), true for Some (0x01).</summary>
    public bool ReadOptionTag(string field)
    {
        var start = _position;
        var tag = Take(field, 1)[0];
        return tag switch
        {
            0 => false,
            1 => true,
            _ => throw ErrorAt(field, start, $"Option tag must be 0x00 or 0x01, got 0x{tag:x2}"),
        };
    }

    /// <summary>
    /// <c>Option&lt;bool&gt;</c> as subtensor encodes it: a normal Option tag followed by a bool byte (two bytes),
    /// not the one-byte <c>OptionBool</c> of the SCALE specification.
    /// </summary>
    public bool? ReadOptionBool(string field) => ReadOptionTag(field) ? ReadBool(field) : null;

    /// <summary>Requires that every byte was consumed.</summary>
    public readonly void ExpectEnd(string what)
    {
        if (Remaining != 0) throw ErrorAt(what, _position, $"expected end of input, {Remaining} bytes left over");
    }

    /// <summary>An error located at the current position, for checks made by the caller.</summary>
    public readonly ScaleDecodeException Error(string field, string problem) => ErrorAt(field, _position, problem);

    /// <summary>The one-, two- and four-byte modes (nearly every compact on chain) without 128-bit arithmetic.</summary>
    private bool TryReadSmallCompact(string field, out uint value)
    {
        if (Remaining < 1) throw ErrorAt(field, _position, "need 1 byte, 0 left");
        var mode = _data[_position] & 0b11;
        value = mode switch
        {
            0b00 => (uint)Take(field, 1)[0] >> 2,
            0b01 => (uint)BinaryPrimitives.ReadUInt16LittleEndian(Take(field, 2)) >> 2,
            0b10 => BinaryPrimitives.ReadUInt32LittleEndian(Take(field, 4)) >> 2,
            _ => 0,
        };
        return mode != 0b11;
    }

    private ReadOnlySpan<byte> Take(string field, int count)
    {
        if (count < 0 || Remaining < count)
            throw ErrorAt(field, _position, $"need {count} byte{(count == 1 ? "" : "s")}, {Remaining} left");
        var slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }

    private readonly ScaleDecodeException ErrorAt(string field, int position, string problem) =>
        new(_path.Describe(field), _baseOffset + position, problem);
}
