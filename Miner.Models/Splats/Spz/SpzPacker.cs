namespace Miner.Models.Splats;

/// <summary>
/// Packs a cloud into the 404 fork's version-2 SPZ payload (before zstd), byte for byte as its packer does.
/// Arithmetic is float32 with rounding half away from zero; where the fork's release build (GCC,
/// -march=x86-64-v3) contracts a multiply-add into an FMA, so does this code. Other builds of the fork can
/// differ from it by one byte value at exact rounding ties.
/// </summary>
public static class SpzPacker
{
    /// <summary>The fork's reader refuses more points than this.</summary>
    public const int MaxPoints = 10_000_000;

    public const int FractionalBits = 12;

    private const float PositionScale = 1 << FractionalBits;
    private const int MinFixed = -(1 << 23);
    private const int MaxFixed = (1 << 23) - 1;

    /// <summary>Payload bytes for a v2 cloud: 16 + N x (19 + 3 x SH coefficients per channel).</summary>
    public static int PayloadSize(int count, int shDegree)
    {
        // refused here, so no caller meets an OverflowException or sizes an allocation from a hostile count
        if (count is < 0 or > MaxPoints) throw new ArgumentException($"{count} gaussians are outside the SPZ limit of 0 to {MaxPoints}", nameof(count));
        if (shDegree is < 0 or > GaussianCloud.MaxShDegree) throw new ArgumentException($"SH degree {shDegree} is not 0 to {GaussianCloud.MaxShDegree}", nameof(shDegree));
        return SpzHeader.Size + count * (19 + 3 * GaussianCloud.ShRestPerChannelForDegree(shDegree));
    }

    public static byte[] Pack(GaussianCloud cloud, int threads = 0)
    {
        var payload = new byte[PayloadSize(cloud.Count, cloud.ShDegree)];
        Pack(cloud, payload, threads);
        return payload;
    }

    /// <summary>
    /// Packs into <paramref name="payload"/> (exactly <see cref="PayloadSize"/> bytes). Throws
    /// <see cref="ArgumentException"/> naming the splat and attribute for NaN values, non-finite positions or
    /// rotations and positions outside the 24-bit range; a zero quaternion is packed as the identity.
    /// </summary>
    public static void Pack(GaussianCloud cloud, Span<byte> payload, int threads = 0)
    {
        if (cloud.Count == 0) throw new ArgumentException("an empty cloud cannot be packed (decline the task instead)", nameof(cloud));
        if (cloud.Count > MaxPoints) throw new ArgumentException($"{cloud.Count} gaussians exceed the SPZ limit of {MaxPoints}", nameof(cloud));
        var size = PayloadSize(cloud.Count, cloud.ShDegree);
        if (payload.Length != size) throw new ArgumentException($"the payload buffer must be {size} bytes", nameof(payload));
        SpzCloudValidator.ThrowIfUnpackable(cloud, threads);

        new SpzHeader(SpzHeader.ExpectedMagic, 2, (uint)cloud.Count, (byte)cloud.ShDegree, FractionalBits,
            (byte)(cloud.Antialiased ? 1 : 0), 0).Write(payload);
        unsafe
        {
            fixed (byte* start = payload)
            {
                var pointer = (nint)start;
                SplatThreads.For(cloud.Count, threads, 32_768,
                    (from, to) => PackRange(cloud, new Span<byte>((byte*)pointer, size), from, to));
            }
        }
    }

    private static void PackRange(GaussianCloud cloud, Span<byte> payload, int from, int to)
    {
        var n = cloud.Count;
        var positions = payload.Slice(SpzHeader.Size, 9 * n);
        var alphas = payload.Slice(SpzHeader.Size + 9 * n, n);
        var colors = payload.Slice(SpzHeader.Size + 10 * n, 3 * n);
        var scales = payload.Slice(SpzHeader.Size + 13 * n, 3 * n);
        var rotations = payload.Slice(SpzHeader.Size + 16 * n, 3 * n);
        var sh = payload[(SpzHeader.Size + 19 * n)..];
        float[] p = cloud.Positions, o = cloud.Opacities, c = cloud.ShDc, s = cloud.Scales, r = cloud.Rotations;

        for (var k = 3 * from; k < 3 * to; k++)
        {
            var fixedPoint = (int)MathF.Round(p[k] * PositionScale, MidpointRounding.AwayFromZero);
            positions[3 * k] = (byte)fixedPoint;
            positions[3 * k + 1] = (byte)(fixedPoint >> 8);
            positions[3 * k + 2] = (byte)(fixedPoint >> 16);
        }
        for (var i = from; i < to; i++) alphas[i] = ToByte(GaussianCloud.Sigmoid(o[i]) * 255f);
        for (var k = 3 * from; k < 3 * to; k++) colors[k] = ToByte(MathF.FusedMultiplyAdd(c[k], 0.15f * 255f, 127.5f));
        for (var k = 3 * from; k < 3 * to; k++) scales[k] = ToByte((s[k] + 10f) * 16f);
        for (var i = from; i < to; i++) PackRotation(r.AsSpan(4 * i, 4), rotations.Slice(3 * i, 3));

        var perChannel = cloud.ShRestPerChannel;
        if (perChannel == 0) return;
        var rest = cloud.ShRest;
        for (var i = from; i < to; i++)
        {
            // PLY is channel-major, SPZ coefficient-major; band 1 (j < 3, the first 9 bytes) keeps 5 bits, higher bands 4
            var source = rest.AsSpan(3 * perChannel * i, 3 * perChannel);
            var target = sh.Slice(3 * perChannel * i, 3 * perChannel);
            for (var j = 0; j < 3; j++)
                for (var channel = 0; channel < 3; channel++)
                    target[3 * j + channel] = QuantizeSh(source[channel * perChannel + j], 3);
            for (var j = 3; j < perChannel; j++)
                for (var channel = 0; channel < 3; channel++)
                    target[3 * j + channel] = QuantizeSh(source[channel * perChannel + j], 4);
        }
    }

    /// <summary>Normalise (x, y, z, w), flip to w &gt;= 0, store x, y, z as round(q * 127.5 + 127.5).</summary>
    private static void PackRotation(ReadOnlySpan<float> wxyz, Span<byte> target)
    {
        float w = wxyz[0], x = wxyz[1], y = wxyz[2], z = wxyz[3];
        if (w == 0 && x == 0 && y == 0 && z == 0) w = 1;
        var norm = MathF.Sqrt(MathF.FusedMultiplyAdd(w, w, MathF.FusedMultiplyAdd(z, z, MathF.FusedMultiplyAdd(x, x, y * y))));
        x /= norm;
        y /= norm;
        z /= norm;
        w /= norm;
        var half = w < 0 ? -127.5f : 127.5f;
        target[0] = ToByte(MathF.FusedMultiplyAdd(x, half, 127.5f));
        target[1] = ToByte(MathF.FusedMultiplyAdd(y, half, 127.5f));
        target[2] = ToByte(MathF.FusedMultiplyAdd(z, half, 127.5f));
    }

    /// <summary>
    /// round(v * 128) + 128 snapped to a multiple of the bucket (2^bucketBits) as C's (q + b/2) / b * b does, clamped
    /// to a byte. A shift floors where C truncates, which differs only for negative sums, and those clamp to 0 either way.
    /// </summary>
    internal static byte QuantizeSh(float value, int bucketBits)
    {
        var scaled = MathF.Round(value * 128f, MidpointRounding.AwayFromZero) + 128f;
        var q = (int)Math.Clamp(scaled, -1024f, 1024f);
        q = (q + (1 << (bucketBits - 1))) >> bucketBits << bucketBits;
        return (byte)Math.Clamp(q, 0, 255);
    }

    /// <summary>round half away from zero, clamped to [0, 255].</summary>
    internal static byte ToByte(float value)
    {
        var rounded = MathF.Round(value, MidpointRounding.AwayFromZero);
        return rounded <= 0f ? (byte)0 : rounded >= 255f ? (byte)255 : (byte)rounded;
    }

    internal static bool FitsFixedPoint(float position)
    {
        var scaled = MathF.Round(position * PositionScale, MidpointRounding.AwayFromZero);
        return scaled >= MinFixed && scaled <= MaxFixed;
    }
}
