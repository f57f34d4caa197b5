using System.Buffers.Binary;
using System.IO.Compression;

namespace Miner.Models.Imaging;

/// <summary>
/// Decodes any conforming PNG (colour types 0, 2, 3, 4, 6; bit depths 1-16; Adam7) to 8-bit RGBA.
/// 16-bit samples are reduced to 8 bits by keeping the high byte (v >> 8, not rounding: cheap, monotonic,
/// and exact for 8-bit values stored as v*257); tRNS keys are compared at full 16-bit depth before reduction.
/// Sub-byte gray samples scale to 0..255 (v * 255 / (2^depth - 1)).
/// </summary>
public static class PngDecoder
{
    /// <summary>Largest width or height accepted.</summary>
    public const int MaxDimension = 16384;

    /// <summary>Largest width*height accepted (256 MiB of RGBA output), so a hostile header cannot exhaust memory.</summary>
    public const long MaxPixels = 64L * 1024 * 1024;

    /// <summary>Largest inflated image data accepted (filter bytes included), whatever the header says.</summary>
    public const long MaxDecompressedBytes = 600L * 1024 * 1024;

    /// <summary>Largest PNG file read: the largest image data stored uncompressed, plus room for chunk overhead.</summary>
    public const long MaxFileBytes = MaxDecompressedBytes + MaxDecompressedBytes / 64;

    public static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly int[] PassX = [0, 4, 0, 2, 0, 1, 0];
    private static readonly int[] PassY = [0, 0, 4, 0, 2, 0, 1];
    private static readonly int[] PassDx = [8, 8, 4, 4, 2, 2, 1];
    private static readonly int[] PassDy = [8, 8, 8, 4, 4, 2, 2];

    public static RgbaImage Decode(ReadOnlySpan<byte> data)
    {
        if (data.Length < 8 || !data[..8].SequenceEqual(Signature))
        {
            // A short prefix of the signature is a truncated PNG, not another format.
            if (data.Length < 8 && Signature[..data.Length].SequenceEqual(data))
                throw new PngFormatException("file ends inside the 8-byte signature", "signature", data.Length);
            throw new UnsupportedImageFormatException(UnsupportedImageFormatException.Detect(data));
        }

        var header = default(Header);
        var seenHeader = false;
        byte[]? palette = null; // RGB triples
        byte[]? paletteAlpha = null;
        int[]? transparentKey = null; // gray or RGB sample values at full bit depth
        using var idat = new MemoryStream();
        long firstIdat = -1;
        var idatEnded = false;
        var pos = 8;
        while (true)
        {
            if (data.Length - pos < 8) throw new PngFormatException("file ends inside a chunk header (missing IEND?)", "chunk header", pos);
            var length = BinaryPrimitives.ReadUInt32BigEndian(data[pos..]);
            var typeBytes = data.Slice(pos + 4, 4);
            var type = ChunkName(typeBytes);
            if (length > int.MaxValue) throw new PngFormatException($"chunk length {length} exceeds 2^31-1", type, pos);
            foreach (var b in typeBytes)
                if (!(b is >= (byte)'A' and <= (byte)'Z' || b is >= (byte)'a' and <= (byte)'z'))
                    throw new PngFormatException("chunk type is not four ASCII letters", type, pos);
            if (data.Length - pos - 12 < length) throw new PngFormatException($"file ends inside the chunk ({length} data bytes declared)", type, pos);
            var chunkData = data.Slice(pos + 8, (int)length);
            var storedCrc = BinaryPrimitives.ReadUInt32BigEndian(data[(pos + 8 + (int)length)..]);
            var actualCrc = PngCrc.Compute(data.Slice(pos + 4, 4 + (int)length));
            if (storedCrc != actualCrc) throw new PngFormatException($"CRC mismatch (stored {storedCrc:X8}, computed {actualCrc:X8})", type, pos);

            if (!seenHeader && type != "IHDR") throw new PngFormatException("first chunk must be IHDR", type, pos);
            if (firstIdat >= 0 && type != "IDAT") idatEnded = true;
            switch (type)
            {
                case "IHDR":
                    if (seenHeader) throw new PngFormatException("second IHDR", type, pos);
                    header = ParseHeader(chunkData, pos);
                    seenHeader = true;
                    break;
                case "PLTE":
                    if (palette is not null) throw new PngFormatException("second PLTE", type, pos);
                    if (firstIdat >= 0) throw new PngFormatException("PLTE after IDAT", type, pos);
                    if (header.ColourType is 0 or 4) throw new PngFormatException($"PLTE not allowed for colour type {header.ColourType}", type, pos);
                    if (length == 0 || length % 3 != 0 || length / 3 > 256) throw new PngFormatException($"palette length {length} is not 3..768 and a multiple of 3", type, pos);
                    if (header.ColourType == 3 && length / 3 > 1 << header.BitDepth)
                        throw new PngFormatException($"{length / 3} palette entries exceed bit depth {header.BitDepth}", type, pos);
                    palette = chunkData.ToArray();
                    break;
                case "tRNS":
                    if (firstIdat >= 0) throw new PngFormatException("tRNS after IDAT", type, pos);
                    if (paletteAlpha is not null || transparentKey is not null) throw new PngFormatException("second tRNS", type, pos);
                    (paletteAlpha, transparentKey) = ParseTransparency(chunkData, header, palette, pos);
                    break;
                case "IDAT":
                    if (idatEnded) throw new PngFormatException("IDAT chunks are not consecutive", type, pos);
                    if (header.ColourType == 3 && palette is null) throw new PngFormatException("colour type 3 without PLTE", type, pos);
                    if (firstIdat < 0) firstIdat = pos;
                    idat.Write(chunkData);
                    break;
                case "IEND":
                    if (length != 0) throw new PngFormatException("IEND has data", type, pos);
                    if (firstIdat < 0) throw new PngFormatException("no IDAT before IEND", type, pos);
                    return Reconstruct(header, idat, firstIdat, palette, paletteAlpha, transparentKey);
                default:
                    // Bit 5 of the first byte clear = critical: we must not guess at it.
                    if ((typeBytes[0] & 0x20) == 0) throw new PngFormatException("unknown critical chunk", type, pos);
                    break;
            }
            pos += 12 + (int)length;
        }
    }

    private readonly record struct Header(int Width, int Height, int BitDepth, int ColourType, bool Interlaced)
    {
        public int Channels => ColourType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, _ => 4 };
    }

    private static Header ParseHeader(ReadOnlySpan<byte> d, int pos)
    {
        if (d.Length != 13) throw new PngFormatException($"IHDR length {d.Length}, expected 13", "IHDR", pos);
        var width = BinaryPrimitives.ReadUInt32BigEndian(d);
        var height = BinaryPrimitives.ReadUInt32BigEndian(d[4..]);
        int bitDepth = d[8], colourType = d[9];
        if (width == 0 || height == 0) throw new PngFormatException($"zero dimension {width}x{height}", "IHDR", pos);
        if (width > MaxDimension || height > MaxDimension || (long)width * height > MaxPixels)
            throw new PngFormatException($"{width}x{height} exceeds the {MaxDimension}x{MaxDimension} / {MaxPixels}-pixel cap", "IHDR", pos);
        var allowed = colourType switch
        {
            0 => bitDepth is 1 or 2 or 4 or 8 or 16,
            3 => bitDepth is 1 or 2 or 4 or 8,
            2 or 4 or 6 => bitDepth is 8 or 16,
            _ => false,
        };
        if (!allowed) throw new PngFormatException($"colour type {colourType} with bit depth {bitDepth} is not allowed", "IHDR", pos);
        if (d[10] != 0) throw new PngFormatException($"compression method {d[10]}", "IHDR", pos);
        if (d[11] != 0) throw new PngFormatException($"filter method {d[11]}", "IHDR", pos);
        if (d[12] > 1) throw new PngFormatException($"interlace method {d[12]}", "IHDR", pos);
        return new Header((int)width, (int)height, bitDepth, colourType, d[12] == 1);
    }

    private static (byte[]?, int[]?) ParseTransparency(ReadOnlySpan<byte> d, Header header, byte[]? palette, int pos)
    {
        switch (header.ColourType)
        {
            case 0 when d.Length == 2:
                return (null, [BinaryPrimitives.ReadUInt16BigEndian(d)]);
            case 2 when d.Length == 6:
                return (null, [BinaryPrimitives.ReadUInt16BigEndian(d), BinaryPrimitives.ReadUInt16BigEndian(d[2..]), BinaryPrimitives.ReadUInt16BigEndian(d[4..])]);
            case 3:
                if (palette is null) throw new PngFormatException("tRNS before PLTE", "tRNS", pos);
                if (d.Length > palette.Length / 3) throw new PngFormatException($"{d.Length} alpha entries for {palette.Length / 3} palette entries", "tRNS", pos);
                var alpha = new byte[256];
                alpha.AsSpan().Fill(255);
                d.CopyTo(alpha);
                return (alpha, null);
            case 4 or 6:
                throw new PngFormatException($"tRNS not allowed for colour type {header.ColourType}", "tRNS", pos);
            default:
                throw new PngFormatException($"tRNS length {d.Length} is wrong for colour type {header.ColourType}", "tRNS", pos);
        }
    }

    private static RgbaImage Reconstruct(Header h, MemoryStream idat, long idatOffset, byte[]? palette, byte[]? paletteAlpha, int[]? key)
    {
        var bitsPerPixel = h.Channels * h.BitDepth;
        var bpp = Math.Max(1, bitsPerPixel / 8); // filter distance in bytes
        long expected = 0;
        var passes = h.Interlaced ? 7 : 1;
        for (var p = 0; p < passes; p++)
        {
            var (w, ht) = PassSize(h, p);
            if (w > 0 && ht > 0) expected += ht * (1 + ((long)w * bitsPerPixel + 7) / 8);
        }
        if (expected > MaxDecompressedBytes) throw new PngFormatException($"image data of {expected} bytes exceeds the cap", "IDAT", idatOffset);

        // Deflate cannot exceed ~1032:1, so a header promising far more than the IDAT can hold is
        // rejected before the big allocation.
        if (expected > idat.Length * 1100 + 1024)
            throw new PngFormatException($"{idat.Length} compressed bytes cannot hold {expected} bytes of image data", "IDAT", idatOffset);

        // Inflate exactly the size the header implies, so a zlib bomb stops at that point.
        var raw = new byte[expected];
        idat.Position = 0;
        try
        {
            using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
            var read = 0;
            while (read < raw.Length)
            {
                var n = zlib.Read(raw, read, raw.Length - read);
                if (n == 0) throw new PngFormatException($"image data ends after {read} of {expected} bytes", "IDAT", idatOffset);
                read += n;
            }
            if (zlib.Read(new byte[1], 0, 1) != 0) throw new PngFormatException($"more image data than the {expected} bytes the header implies", "IDAT", idatOffset);
        }
        catch (InvalidDataException e)
        {
            throw new PngFormatException($"corrupt zlib stream: {e.Message}", "IDAT", idatOffset, e);
        }

        var image = new RgbaImage(h.Width, h.Height);
        var offset = 0;
        for (var p = 0; p < passes; p++)
        {
            var (w, ht) = PassSize(h, p);
            if (w == 0 || ht == 0) continue;
            var rowBytes = (int)(((long)w * bitsPerPixel + 7) / 8);
            var previous = new byte[rowBytes];
            var current = new byte[rowBytes];
            for (var y = 0; y < ht; y++)
            {
                var filter = raw[offset];
                raw.AsSpan(offset + 1, rowBytes).CopyTo(current);
                offset += 1 + rowBytes;
                Unfilter(filter, current, previous, bpp, idatOffset);
                var imageY = h.Interlaced ? PassY[p] + y * PassDy[p] : y;
                WriteRow(h, current, w, image, imageY, h.Interlaced ? PassX[p] : 0, h.Interlaced ? PassDx[p] : 1, palette, paletteAlpha, key, idatOffset);
                (previous, current) = (current, previous);
            }
        }
        return image;
    }

    private static (int Width, int Height) PassSize(Header h, int pass)
    {
        if (!h.Interlaced) return (h.Width, h.Height);
        var w = h.Width > PassX[pass] ? (h.Width - PassX[pass] + PassDx[pass] - 1) / PassDx[pass] : 0;
        var ht = h.Height > PassY[pass] ? (h.Height - PassY[pass] + PassDy[pass] - 1) / PassDy[pass] : 0;
        return (w, ht);
    }

    private static void Unfilter(byte filter, Span<byte> row, ReadOnlySpan<byte> up, int bpp, long idatOffset)
    {
        switch (filter)
        {
            case 0:
                break;
            case 1:
                for (var i = bpp; i < row.Length; i++) row[i] += row[i - bpp];
                break;
            case 2:
                for (var i = 0; i < row.Length; i++) row[i] += up[i];
                break;
            case 3:
                for (var i = 0; i < row.Length; i++) row[i] += (byte)(((i >= bpp ? row[i - bpp] : 0) + up[i]) >> 1);
                break;
            case 4:
                for (var i = 0; i < row.Length; i++)
                    row[i] += PngEncoder.Paeth(i >= bpp ? row[i - bpp] : (byte)0, up[i], i >= bpp ? up[i - bpp] : (byte)0);
                break;
            default:
                throw new PngFormatException($"unknown filter type {filter}", "IDAT", idatOffset);
        }
    }

    private static void WriteRow(Header h, ReadOnlySpan<byte> row, int count, RgbaImage image, int y, int x0, int dx,
        byte[]? palette, byte[]? paletteAlpha, int[]? key, long idatOffset)
    {
        var px = image.Pixels;
        var depth = h.BitDepth;
        var max = (1 << depth) - 1;
        for (var i = 0; i < count; i++)
        {
            var o = (y * h.Width + x0 + i * dx) * 4;
            switch (h.ColourType)
            {
                case 0:
                {
                    var v = Sample(row, i, depth);
                    px[o] = px[o + 1] = px[o + 2] = To8(v, depth, max);
                    px[o + 3] = key is not null && v == key[0] ? (byte)0 : (byte)255;
                    break;
                }
                case 2:
                {
                    int r = Sample(row, 3 * i, depth), g = Sample(row, 3 * i + 1, depth), b = Sample(row, 3 * i + 2, depth);
                    px[o] = To8(r, depth, max);
                    px[o + 1] = To8(g, depth, max);
                    px[o + 2] = To8(b, depth, max);
                    px[o + 3] = key is not null && r == key[0] && g == key[1] && b == key[2] ? (byte)0 : (byte)255;
                    break;
                }
                case 3:
                {
                    var index = Sample(row, i, depth);
                    if (3 * index + 2 >= palette!.Length)
                        throw new PngFormatException($"palette index {index} beyond {palette.Length / 3} entries", "IDAT", idatOffset);
                    px[o] = palette[3 * index];
                    px[o + 1] = palette[3 * index + 1];
                    px[o + 2] = palette[3 * index + 2];
                    px[o + 3] = paletteAlpha?[index] ?? 255;
                    break;
                }
                case 4:
                    px[o] = px[o + 1] = px[o + 2] = To8(Sample(row, 2 * i, depth), depth, max);
                    px[o + 3] = To8(Sample(row, 2 * i + 1, depth), depth, max);
                    break;
                default:
                    for (var c = 0; c < 4; c++) px[o + c] = To8(Sample(row, 4 * i + c, depth), depth, max);
                    break;
            }
        }
    }

    /// <summary>The n-th sample of a row at its stored depth (sub-byte samples are packed high bits first).</summary>
    private static int Sample(ReadOnlySpan<byte> row, int n, int depth) => depth switch
    {
        8 => row[n],
        16 => (row[2 * n] << 8) | row[2 * n + 1],
        _ => (row[n * depth / 8] >> (8 - depth - n * depth % 8)) & ((1 << depth) - 1),
    };

    // Sub-byte values scale to the full 0..255 range; 16-bit keeps the high byte.
    private static byte To8(int v, int depth, int max) => depth switch
    {
        8 => (byte)v,
        16 => (byte)(v >> 8),
        _ => (byte)(v * 255 / max),
    };

    private static string ChunkName(ReadOnlySpan<byte> type)
    {
        Span<char> chars = stackalloc char[4];
        for (var i = 0; i < 4; i++) chars[i] = type[i] is >= 0x20 and < 0x7F ? (char)type[i] : '?';
        return new string(chars);
    }
}
