using System.Buffers.Binary;
using System.IO.Compression;

namespace Miner.Models.Imaging;

/// <summary>Writes 8-bit RGB or RGBA non-interlaced PNGs.</summary>
public static class PngEncoder
{
    /// <summary>
    /// Encodes the image; with <paramref name="includeAlpha"/> false the alpha channel is dropped
    /// (not composited: call <see cref="RgbaImage.CompositeOver"/> first if that is wanted).
    /// </summary>
    public static byte[] Encode(RgbaImage image, bool includeAlpha = true)
    {
        ArgumentNullException.ThrowIfNull(image);
        var channels = includeAlpha ? 4 : 3;
        var rowBytes = image.Width * channels;

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var previous = new byte[rowBytes];
            var current = new byte[rowBytes];
            var candidates = new byte[5][];
            for (var f = 0; f < 5; f++) candidates[f] = new byte[rowBytes + 1];
            for (var y = 0; y < image.Height; y++)
            {
                var src = image.Pixels.AsSpan(y * image.Width * 4, image.Width * 4);
                if (includeAlpha) src.CopyTo(current);
                else
                    for (var x = 0; x < image.Width; x++)
                    {
                        current[3 * x] = src[4 * x];
                        current[3 * x + 1] = src[4 * x + 1];
                        current[3 * x + 2] = src[4 * x + 2];
                    }
                zlib.Write(ChooseFilter(current, previous, channels, candidates));
                (previous, current) = (current, previous);
            }
        }

        using var output = new MemoryStream();
        output.Write(PngDecoder.Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)image.Width);
        BinaryPrimitives.WriteUInt32BigEndian(header[4..], (uint)image.Height);
        header[8] = 8;
        header[9] = (byte)(includeAlpha ? 6 : 2);
        // compression, filter method and interlace all 0
        WriteChunk(output, "IHDR"u8, header);
        WriteChunk(output, "IDAT"u8, compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    /// <summary>
    /// The PNG spec's recommended heuristic: try all five filters and keep the one whose bytes,
    /// read as signed, have the smallest sum of absolute values (it tends to compress best).
    /// </summary>
    private static ReadOnlySpan<byte> ChooseFilter(ReadOnlySpan<byte> row, ReadOnlySpan<byte> up, int bpp, byte[][] candidates)
    {
        var best = 0;
        var bestSum = long.MaxValue;
        for (var f = 0; f < 5; f++)
        {
            var o = candidates[f];
            o[0] = (byte)f;
            long sum = 0;
            for (var i = 0; i < row.Length; i++)
            {
                byte a = i >= bpp ? row[i - bpp] : (byte)0, b = up[i], c = i >= bpp ? up[i - bpp] : (byte)0;
                var v = (byte)(row[i] - f switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) >> 1,
                    _ => Paeth(a, b, c),
                });
                o[i + 1] = v;
                sum += Math.Abs((int)(sbyte)v);
            }
            if (sum < bestSum)
            {
                bestSum = sum;
                best = f;
            }
        }
        return candidates[best];
    }

    /// <summary>The Paeth predictor from the PNG spec, shared with the decoder.</summary>
    internal static byte Paeth(byte a, byte b, byte c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        if (pa <= pb && pa <= pc) return a;
        return pb <= pc ? b : c;
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        output.Write(word);
        var typeAndData = new byte[4 + data.Length];
        type.CopyTo(typeAndData);
        data.CopyTo(typeAndData.AsSpan(4));
        output.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(word, PngCrc.Compute(typeAndData));
        output.Write(word);
    }
}
