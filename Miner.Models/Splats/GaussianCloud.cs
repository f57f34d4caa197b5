using System.Numerics;

namespace Miner.Models.Splats;

/// <summary>
/// A gaussian splat cloud in the storage domain of the 3DGS PLY convention, one array per attribute:
/// positions (x, y, z), SH DC (R, G, B), higher SH bands channel-major per splat (<c>f_rest_{c*K + j}</c>),
/// opacity logits, natural-log scales and rotations as w, x, y, z (not necessarily unit).
/// Activated views (alpha, linear scale, unit quaternion, RGB) are computed on demand.
/// </summary>
public sealed class GaussianCloud
{
    /// <summary>Degree-0 spherical-harmonic constant: colour = 0.5 + C0 * f_dc.</summary>
    public const float ShC0 = 0.28209479177387814f;

    /// <summary>Highest SH degree the PLY and SPZ formats carry.</summary>
    public const int MaxShDegree = 3;

    public GaussianCloud(int count, int shDegree)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(shDegree);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(shDegree, MaxShDegree);
        Count = count;
        ShDegree = shDegree;
        Positions = new float[checked(3 * count)];
        ShDc = new float[3 * count];
        ShRest = new float[checked(ShRestPerSplat * count)];
        Opacities = new float[count];
        Scales = new float[3 * count];
        Rotations = new float[checked(4 * count)];
    }

    public int Count { get; }

    public int ShDegree { get; }

    /// <summary>Higher-band SH coefficients per colour channel: 0, 3, 8 or 15 (K in the spec).</summary>
    public int ShRestPerChannel => ShRestPerChannelForDegree(ShDegree);

    /// <summary>Higher-band SH values per splat: 0, 9, 24 or 45 (the PLY <c>f_rest_*</c> count).</summary>
    public int ShRestPerSplat => 3 * ShRestPerChannel;

    /// <summary>x, y, z per splat.</summary>
    public float[] Positions { get; }

    /// <summary>f_dc_0..2 (SH DC for R, G, B) per splat.</summary>
    public float[] ShDc { get; }

    /// <summary>f_rest_* per splat, channel-major: index c * K + j for channel c, coefficient j.</summary>
    public float[] ShRest { get; }

    /// <summary>Opacity logits; +inf and -inf are legal and mean alpha 1 and 0.</summary>
    public float[] Opacities { get; }

    /// <summary>Natural logs of the per-axis standard deviations.</summary>
    public float[] Scales { get; }

    /// <summary>Quaternions w, x, y, z (rot_0 is the real part), not necessarily unit.</summary>
    public float[] Rotations { get; }

    /// <summary>SPZ flag bit 0; carried through, ignored downstream.</summary>
    public bool Antialiased { get; set; }

    public static int ShRestPerChannelForDegree(int degree) => (degree + 1) * (degree + 1) - 1;

    /// <summary>The SH degree for a count of <c>f_rest_*</c> properties, or null when the count is not 0, 9, 24 or 45.</summary>
    public static int? DegreeForShRestCount(int count) => count switch
    {
        0 => 0,
        9 => 1,
        24 => 2,
        45 => 3,
        _ => null,
    };

    /// <summary>1 / (1 + exp(-logit)) in float32: +inf gives 1, -inf gives 0, NaN stays NaN.</summary>
    public static float Sigmoid(float logit) => 1f / (1f + MathF.Exp(-logit));

    public Vector3 Position(int i) => new(Positions[3 * i], Positions[3 * i + 1], Positions[3 * i + 2]);

    public float Alpha(int i) => Sigmoid(Opacities[i]);

    public Vector3 LinearScale(int i) =>
        new(MathF.Exp(Scales[3 * i]), MathF.Exp(Scales[3 * i + 1]), MathF.Exp(Scales[3 * i + 2]));

    /// <summary>The rotation divided by max(norm, 1e-12), as the validator's loader does (a zero quaternion stays zero).</summary>
    public Quaternion NormalizedRotation(int i)
    {
        float w = Rotations[4 * i], x = Rotations[4 * i + 1], y = Rotations[4 * i + 2], z = Rotations[4 * i + 3];
        var norm = MathF.Max(MathF.Sqrt(w * w + x * x + y * y + z * z), 1e-12f);
        return new Quaternion(x / norm, y / norm, z / norm, w / norm);
    }

    /// <summary>0.5 + C0 * f_dc per channel, unclamped (the validator blends it as it is).</summary>
    public Vector3 Rgb(int i) =>
        new(0.5f + ShC0 * ShDc[3 * i], 0.5f + ShC0 * ShDc[3 * i + 1], 0.5f + ShC0 * ShDc[3 * i + 2]);

    public GaussianCloud Clone()
    {
        var copy = new GaussianCloud(Count, ShDegree) { Antialiased = Antialiased };
        Positions.CopyTo(copy.Positions, 0);
        ShDc.CopyTo(copy.ShDc, 0);
        ShRest.CopyTo(copy.ShRest, 0);
        Opacities.CopyTo(copy.Opacities, 0);
        Scales.CopyTo(copy.Scales, 0);
        Rotations.CopyTo(copy.Rotations, 0);
        return copy;
    }
}
