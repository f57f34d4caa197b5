using System.Buffers.Binary;

namespace Miner.Models.Splats;

/// <summary>The 16-byte little-endian header at the start of every SPZ payload (v1 to v3).</summary>
public readonly record struct SpzHeader(uint Magic, uint Version, uint NumPoints, byte ShDegree, byte FractionalBits, byte Flags, byte Reserved)
{
    public const int Size = 16;

    /// <summary>Bytes "NGSP".</summary>
    public const uint ExpectedMagic = 0x5053474E;

    public bool Antialiased => (Flags & 1) != 0;

    /// <summary>Payload bytes the header implies: v1 has float16 positions, v3 four-byte rotations.</summary>
    public long PayloadSize
    {
        get
        {
            var positions = Version == 1 ? 6 : 9;
            var rotations = Version >= 3 ? 4 : 3;
            var sh = 3 * GaussianCloud.ShRestPerChannelForDegree(Math.Min((int)ShDegree, GaussianCloud.MaxShDegree));
            return Size + (long)NumPoints * (positions + 1 + 3 + 3 + rotations + sh);
        }
    }

    public static SpzHeader Read(ReadOnlySpan<byte> bytes) => new(
        BinaryPrimitives.ReadUInt32LittleEndian(bytes),
        BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]),
        BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]),
        bytes[12], bytes[13], bytes[14], bytes[15]);

    public void Write(Span<byte> bytes)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[4..], Version);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[8..], NumPoints);
        bytes[12] = ShDegree;
        bytes[13] = FractionalBits;
        bytes[14] = Flags;
        bytes[15] = Reserved;
    }
}
