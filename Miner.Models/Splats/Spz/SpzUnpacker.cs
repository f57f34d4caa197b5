using System.Buffers.Binary;

namespace Miner.Models.Splats;

/// <summary>
/// Unpacks an SPZ payload (the bytes inside the zstd or gzip container) into a cloud with the fork's float32
/// formulas, so the result equals the PLY pyspz.decompress regenerates (rotations to within a few ulps, see the
/// contract). Versions 1 (float16 positions), 2, and 3 (Niantic's smallest-three rotations) are understood.
/// </summary>
public static class SpzUnpacker
{
    private const string Spz = "SPZ payload";
    private const float ColorScale = 0.15f;

    /// <summary>Reads and checks the header: magic, version up to <paramref name="maxVersion"/>, point count, degree, bits.</summary>
    public static SpzHeader ReadHeader(ReadOnlySpan<byte> payload, int maxPoints, uint maxVersion)
    {
        if (payload.Length < SpzHeader.Size)
            throw new SplatFormatException(Spz, $"the payload holds {payload.Length} bytes, fewer than the 16-byte header", payload.Length, property: "header");
        var header = SpzHeader.Read(payload);
        if (header.Magic != SpzHeader.ExpectedMagic)
            throw new SplatFormatException(Spz, $"bad magic 0x{header.Magic:X8} (expected 0x{SpzHeader.ExpectedMagic:X8}, 'NGSP')", 0, property: "magic");
        if (header.Version < 1 || header.Version > maxVersion)
            throw new SplatFormatException(Spz, $"version {header.Version} is not supported here (1 to {maxVersion})", 4, property: "version");
        if (header.NumPoints == 0)
            throw new SplatFormatException(Spz, "the header declares 0 points (pyspz refuses to decompress that)", 8, property: "numPoints");
        if (header.NumPoints > (uint)maxPoints)
            throw new SplatFormatException(Spz, $"{header.NumPoints} points exceed the limit of {maxPoints}", 8, property: "numPoints");
        if (header.ShDegree > GaussianCloud.MaxShDegree)
            throw new SplatFormatException(Spz, $"SH degree {header.ShDegree} is not 0 to 3", 12, property: "shDegree");
        if (header.FractionalBits > 30)
            throw new SplatFormatException(Spz, $"{header.FractionalBits} fractional bits cannot describe a 24-bit position", 13, property: "fractionalBits");
        return header;
    }

    public static GaussianCloud Unpack(ReadOnlySpan<byte> payload, int maxPoints = SpzPacker.MaxPoints, uint maxVersion = 3, int threads = 0)
    {
        var header = ReadHeader(payload, maxPoints, maxVersion);
        if (payload.Length < header.PayloadSize)
            throw new SplatFormatException(Spz,
                $"the payload holds {payload.Length} bytes but {header.NumPoints} points at SH degree {header.ShDegree} need {header.PayloadSize}",
                payload.Length, property: BlockAt(header, payload.Length));

        var cloud = new GaussianCloud((int)header.NumPoints, header.ShDegree) { Antialiased = header.Antialiased };
        unsafe
        {
            fixed (byte* start = payload)
            {
                var pointer = (nint)start;
                var length = (int)header.PayloadSize;
                SplatThreads.For(cloud.Count, threads, 32_768,
                    (from, to) => UnpackRange(new ReadOnlySpan<byte>((byte*)pointer, length), header, cloud, from, to));
            }
        }
        return cloud;
    }

    private static void UnpackRange(ReadOnlySpan<byte> payload, SpzHeader header, GaussianCloud cloud, int from, int to)
    {
        var n = cloud.Count;
        var positionBytes = header.Version == 1 ? 6 : 9;
        var rotationBytes = header.Version >= 3 ? 4 : 3;
        var offset = SpzHeader.Size;
        var positions = payload.Slice(offset, positionBytes * n);
        var alphas = payload.Slice(offset += positionBytes * n, n);
        var colors = payload.Slice(offset += n, 3 * n);
        var scales = payload.Slice(offset += 3 * n, 3 * n);
        var rotations = payload.Slice(offset += 3 * n, rotationBytes * n);
        var sh = payload[(offset + rotationBytes * n)..];
        float[] p = cloud.Positions, o = cloud.Opacities, c = cloud.ShDc, s = cloud.Scales, r = cloud.Rotations;

        if (header.Version == 1)
            for (var k = 3 * from; k < 3 * to; k++)
                p[k] = (float)BitConverter.UInt16BitsToHalf(BinaryPrimitives.ReadUInt16LittleEndian(positions[(2 * k)..]));
        else
        {
            var scale = (float)(1.0 / (1L << header.FractionalBits));
            for (var k = 3 * from; k < 3 * to; k++)
            {
                var fixedPoint = positions[3 * k] | positions[3 * k + 1] << 8 | positions[3 * k + 2] << 16;
                if ((fixedPoint & 0x800000) != 0) fixedPoint |= unchecked((int)0xFF000000);
                p[k] = fixedPoint * scale;
            }
        }
        for (var i = from; i < to; i++)
        {
            var a = alphas[i] / 255f;
            o[i] = MathF.Log(a / (1f - a));
        }
        for (var k = 3 * from; k < 3 * to; k++) c[k] = (colors[k] / 255f - 0.5f) / ColorScale;
        for (var k = 3 * from; k < 3 * to; k++) s[k] = scales[k] / 16f - 10f;
        for (var i = from; i < to; i++)
        {
            var target = r.AsSpan(4 * i, 4);
            if (rotationBytes == 3) UnpackFirstThree(rotations.Slice(3 * i, 3), target);
            else UnpackSmallestThree(BinaryPrimitives.ReadUInt32LittleEndian(rotations[(4 * i)..]), target);
        }

        var perChannel = cloud.ShRestPerChannel;
        for (var i = from; i < to && perChannel > 0; i++)
        {
            var source = sh.Slice(3 * perChannel * i, 3 * perChannel);
            var target = cloud.ShRest.AsSpan(3 * perChannel * i, 3 * perChannel);
            for (var j = 0; j < perChannel; j++)
                for (var channel = 0; channel < 3; channel++)
                    target[channel * perChannel + j] = (source[3 * j + channel] - 128f) / 128f;
        }
    }

    /// <summary>x, y, z = r / 127.5 - 1 (an FMA in the fork's release build); w = sqrt(max(0, 1 - |xyz|^2)).</summary>
    private static void UnpackFirstThree(ReadOnlySpan<byte> bytes, Span<float> wxyz)
    {
        const float Step = 1f / 127.5f;
        var x = MathF.FusedMultiplyAdd(bytes[0], Step, -1f);
        var y = MathF.FusedMultiplyAdd(bytes[1], Step, -1f);
        var z = MathF.FusedMultiplyAdd(bytes[2], Step, -1f);
        var squared = MathF.FusedMultiplyAdd(z, z, MathF.FusedMultiplyAdd(x, x, y * y));
        wxyz[0] = MathF.Sqrt(MathF.Max(0f, 1f - squared));
        wxyz[1] = x;
        wxyz[2] = y;
        wxyz[3] = z;
    }

    /// <summary>
    /// Niantic v3: the top two bits index the largest component (x, y, z, w order); the other three follow as
    /// 10-bit fields (sign bit, 9-bit magnitude of sqrt(1/2)), the highest index in the lowest bits.
    /// </summary>
    private static void UnpackSmallestThree(uint packed, Span<float> wxyz)
    {
        Span<float> xyzw = stackalloc float[4];
        var largest = (int)(packed >> 30);
        var sumSquares = 0f;
        for (var k = 3; k >= 0; k--)
        {
            if (k == largest) continue;
            var magnitude = packed & 511u;
            var negative = (packed >> 9 & 1u) != 0;
            packed >>= 10;
            var value = MathF.Sqrt(0.5f) * (magnitude / 511f);
            xyzw[k] = negative ? -value : value;
            sumSquares += xyzw[k] * xyzw[k];
        }
        xyzw[largest] = MathF.Sqrt(MathF.Max(0f, 1f - sumSquares));
        wxyz[0] = xyzw[3];
        wxyz[1] = xyzw[0];
        wxyz[2] = xyzw[1];
        wxyz[3] = xyzw[2];
    }

    /// <summary>The attribute block a payload of <paramref name="length"/> bytes ends in.</summary>
    internal static string BlockAt(SpzHeader header, long length)
    {
        long n = header.NumPoints, end = SpzHeader.Size;
        var perChannel = GaussianCloud.ShRestPerChannelForDegree(header.ShDegree);
        (string Name, long Bytes)[] blocks =
        [
            ("positions", n * (header.Version == 1 ? 6 : 9)), ("alphas", n), ("colors", 3 * n), ("scales", 3 * n),
            ("rotations", n * (header.Version >= 3 ? 4 : 3)), ("sh", 3 * perChannel * n),
        ];
        foreach (var (name, bytes) in blocks)
        {
            end += bytes;
            if (length < end) return name;
        }
        return "sh";
    }
}
