using System.Buffers;
using System.Buffers.Binary;

namespace Miner.Models.Bittensor.Chain;

/// <summary>SCALE encoder for the few values a miner sends (runtime-API arguments, storage-key parts).</summary>
public sealed class ScaleWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(16);

    public ScaleWriter WriteU8(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
        return this;
    }

    public ScaleWriter WriteU16(ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer.GetSpan(2), value);
        _buffer.Advance(2);
        return this;
    }

    public ScaleWriter WriteU32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
        return this;
    }

    /// <summary>Raw bytes with no length prefix (fixed arrays, account ids, hashes).</summary>
    public ScaleWriter WriteFixed(ReadOnlySpan<byte> bytes)
    {
        _buffer.Write(bytes);
        return this;
    }

    /// <summary>A compact integer in the smallest mode that holds it, as encoders must.</summary>
    public ScaleWriter WriteCompact(UInt128 value)
    {
        if (value < 1u << 6) return WriteU8((byte)((uint)value << 2));
        if (value < 1u << 14) return WriteU16((ushort)(((uint)value << 2) | 0b01));
        if (value < 1u << 30) return WriteU32(((uint)value << 2) | 0b10);

        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(bytes, value);
        var count = 16;
        while (bytes[count - 1] == 0) count--;
        WriteU8((byte)(((count - 4) << 2) | 0b11));
        return WriteFixed(bytes[..count]);
    }

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();
}
