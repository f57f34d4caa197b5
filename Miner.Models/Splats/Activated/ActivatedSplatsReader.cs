using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Miner.Models.Splats;

/// <summary>
/// Reads <see cref="ActivatedSplatsLayout"/> straight off a stream into the arrays (no intermediate buffer). The
/// header is checked before anything is allocated: the count is capped and the body must be exactly the length the
/// header implies. Errors are <see cref="SplatFormatException"/>s naming the field and byte offset.
/// </summary>
public static class ActivatedSplatsReader
{
    private const string Format = "activated splats";

    /// <summary>Default gaussian cap: far above any backend's output, far below what would exhaust memory.</summary>
    public const int DefaultMaxCount = 20_000_000;

    /// <summary><paramref name="maxBytes"/> (a response cap) refuses a header that implies a larger body before allocating for it.</summary>
    public static ActivatedSplats Read(Stream input, int maxCount = DefaultMaxCount, long maxBytes = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(input);
        Span<byte> header = stackalloc byte[ActivatedSplatsLayout.HeaderBytes];
        var got = input.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (got < header.Length)
            throw new SplatFormatException(Format, $"the body ends after {got} bytes, inside the {ActivatedSplatsLayout.HeaderBytes}-byte header", got);
        if (!header[..4].SequenceEqual(ActivatedSplatsLayout.Magic))
            throw new SplatFormatException(Format, $"magic is {Convert.ToHexString(header[..4])}, not \"ASPL\"", 0, property: "magic");
        var version = BinaryPrimitives.ReadUInt16LittleEndian(header[4..]);
        if (version != ActivatedSplatsLayout.Version)
            throw new SplatFormatException(Format, $"version {version} is not supported (only {ActivatedSplatsLayout.Version})", 4, property: "version");
        int degree = header[6];
        if (degree > ActivatedSplatsLayout.MaxShDegree)
            throw new SplatFormatException(Format, $"SH degree {degree} is outside 0..{ActivatedSplatsLayout.MaxShDegree}", 6, property: "sh degree");
        var colours = header[7] switch
        {
            0 => ColourEncoding.Rgb,
            1 => ColourEncoding.ShDc,
            var other => throw new SplatFormatException(Format, $"colour encoding {other} is neither 0 (RGB) nor 1 (SH DC)", 7, property: "colour encoding"),
        };
        var count = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
        if (count > (uint)maxCount)
            throw new SplatFormatException(Format, $"count {count} exceeds the cap of {maxCount} gaussians", 8, property: "count");

        var length = ActivatedSplatsLayout.ByteLength(count, degree);
        if (length > maxBytes)
            throw new SplatFormatException(Format, $"count {count} at SH degree {degree} implies {length} bytes, over the cap of {maxBytes}", 8, property: "count");
        if (input.CanSeek && input.Length - input.Position + ActivatedSplatsLayout.HeaderBytes != length)
            throw new SplatFormatException(Format, $"count {count} at SH degree {degree} implies {length} bytes, the body has {input.Length - input.Position + ActivatedSplatsLayout.HeaderBytes}", 8, property: "count");
        var splats = new ActivatedSplats((int)count, degree, colours);
        long offset = ActivatedSplatsLayout.HeaderBytes;
        offset = ReadFloats(input, splats.Positions, "positions", offset);
        offset = ReadFloats(input, splats.Colours, "colours", offset);
        offset = ReadFloats(input, splats.Opacities, "opacities", offset);
        offset = ReadFloats(input, splats.Scales, "scales", offset);
        offset = ReadFloats(input, splats.Rotations, "rotations", offset);
        offset = ReadFloats(input, splats.ShRest, "sh-rest", offset);
        Span<byte> extra = stackalloc byte[1];
        if (input.Read(extra) != 0)
            throw new SplatFormatException(Format, $"bytes follow the {ActivatedSplatsLayout.ByteLength(count, degree)} bytes the header implies", offset);
        return splats;
    }

    public static ActivatedSplats Read(byte[] bytes, int maxCount = DefaultMaxCount)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var stream = new MemoryStream(bytes, writable: false);
        return Read(stream, maxCount);
    }

    private static long ReadFloats(Stream input, float[] values, string array, long offset)
    {
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        var got = input.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        if (got < bytes.Length)
            throw new SplatFormatException(Format, $"the body ends inside the {array} array ({got} of {bytes.Length} bytes)", offset + got, property: array);
        if (!BitConverter.IsLittleEndian)
            for (var i = 0; i < values.Length; i++)
                values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(4 * i, 4));
        return offset + bytes.Length;
    }
}
