using System.Buffers.Binary;
using System.IO.Compression;

namespace Miner.Specs.Imaging;

/// <summary>
/// Builds PNG files chunk by chunk, independently of the encoder under test, so decoder specs
/// can cover every colour type, bit depth, filter and Adam7 pass.
/// </summary>
internal static class TestPng
{
    public static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly int[] PassX = [0, 4, 0, 2, 0, 1, 0];
    private static readonly int[] PassY = [0, 0, 4, 0, 2, 0, 1];
    private static readonly int[] PassDx = [8, 8, 4, 4, 2, 2, 1];
    private static readonly int[] PassDy = [8, 8, 8, 4, 4, 2, 2];

    /// <summary>Bitwise CRC-32 straight from the spec's definition (no table, to differ from the product code).</summary>
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

    public static int Channels(int colourType) => colourType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, _ => 4 };

    /// <summary>
    /// A whole PNG whose pixel (x, y) has the given raw samples; every row uses <paramref name="filter"/>.
    /// <paramref name="before"/> chunks (PLTE, tRNS) go between IHDR and IDAT.
    /// </summary>
    public static byte[] Image(int width, int height, int colourType, int depth, Func<int, int, int[]> samples,
        bool interlaced = false, int filter = 0, params byte[][] before)
    {
        var raw = Scanlines(width, height, Channels(colourType), depth, samples, interlaced, filter);
        return File([Ihdr(width, height, depth, colourType, interlaced ? 1 : 0), .. before, Chunk("IDAT", Zlib(raw)), Chunk("IEND", [])]);
    }

    public static byte[] Scanlines(int width, int height, int channels, int depth, Func<int, int, int[]> samples, bool interlaced, int filter)
    {
        var output = new List<byte>();
        var bpp = Math.Max(1, channels * depth / 8);
        for (var p = 0; p < (interlaced ? 7 : 1); p++)
        {
            int x0 = interlaced ? PassX[p] : 0, y0 = interlaced ? PassY[p] : 0, dx = interlaced ? PassDx[p] : 1, dy = interlaced ? PassDy[p] : 1;
            var w = width > x0 ? (width - x0 + dx - 1) / dx : 0;
            var h = height > y0 ? (height - y0 + dy - 1) / dy : 0;
            if (w == 0 || h == 0) continue;
            var previous = new byte[(w * channels * depth + 7) / 8];
            for (var j = 0; j < h; j++)
            {
                var row = Pack(Enumerable.Range(0, w).SelectMany(i => samples(x0 + i * dx, y0 + j * dy)).ToArray(), depth, previous.Length);
                output.Add((byte)filter);
                output.AddRange(Filter(row, previous, bpp, filter));
                previous = row;
            }
        }
        return [.. output];
    }

    private static byte[] Pack(int[] values, int depth, int length)
    {
        var row = new byte[length];
        for (var n = 0; n < values.Length; n++)
        {
            if (depth == 16)
            {
                row[2 * n] = (byte)(values[n] >> 8);
                row[2 * n + 1] = (byte)values[n];
            }
            else if (depth == 8) row[n] = (byte)values[n];
            else row[n * depth / 8] |= (byte)(values[n] << (8 - depth - n * depth % 8));
        }
        return row;
    }

    private static byte[] Filter(byte[] row, byte[] up, int bpp, int filter)
    {
        var o = new byte[row.Length];
        for (var i = 0; i < row.Length; i++)
        {
            int a = i >= bpp ? row[i - bpp] : 0, b = up[i], c = i >= bpp ? up[i - bpp] : 0;
            var p = a + b - c;
            var paeth = Math.Abs(p - a) <= Math.Abs(p - b) && Math.Abs(p - a) <= Math.Abs(p - c) ? a : Math.Abs(p - b) <= Math.Abs(p - c) ? b : c;
            o[i] = (byte)(row[i] - filter switch { 0 => 0, 1 => a, 2 => b, 3 => (a + b) / 2, _ => paeth });
        }
        return o;
    }

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
