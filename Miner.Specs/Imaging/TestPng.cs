using System.Buffers.Binary;
using System.IO.Compression;

namespace Miner.Specs.Imaging;

/// <summary>
/// Builds PNG files chunk by chunk, independently of any encoder, so limit and fuzz specs can hand the decoding
/// path headers and data no encoder would write.
/// </summary>
internal static class TestPng
{
    public static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Bitwise CRC-32 straight from the spec's definition (no table).</summary>
    public static uint Crc(ReadOnlySpan<byte> bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            c ^= b;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        return ~c;
    }

    public static byte[] Chunk(string type, ReadOnlySpan<byte> data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        for (var i = 0; i < 4; i++) chunk[4 + i] = (byte)type[i];
        data.CopyTo(chunk.AsSpan(8));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    public static byte[] Ihdr(int width, int height, int depth, int colourType, int interlace = 0)
    {
        var d = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(d, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(d.AsSpan(4), (uint)height);
        d[8] = (byte)depth;
        d[9] = (byte)colourType;
        d[12] = (byte)interlace;
        return Chunk("IHDR", d);
    }

    public static byte[] Zlib(ReadOnlySpan<byte> raw)
    {
        using var ms = new MemoryStream();
        using (var z = new ZLibStream(ms, CompressionLevel.Fastest, leaveOpen: true)) z.Write(raw);
        return ms.ToArray();
    }

    public static byte[] File(params byte[][] chunks) => [.. Signature, .. chunks.SelectMany(c => c)];

    /// <summary>Recomputes every complete chunk's CRC, so mutations reach the parser instead of the CRC check.</summary>
    public static void FixCrcs(byte[] file)
    {
        var pos = 8;
        while (pos + 12 <= file.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(pos));
            if (length > file.Length - pos - 12) return;
            BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(pos + 8 + (int)length), Crc(file.AsSpan(pos + 4, 4 + (int)length)));
            pos += 12 + (int)length;
        }
    }
}
