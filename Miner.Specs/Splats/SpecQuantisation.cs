namespace Miner.Specs.Splats;

/// <summary>
/// The contract's packing formulas (section 3.3) evaluated independently in double precision. At an exact
/// rounding tie float32 builds may land on either side, so a value within <see cref="TieWindow"/> of a half
/// accepts both neighbours.
/// </summary>
internal static class SpecQuantisation
{
    public const double TieWindow = 1e-4;

    public static bool Accepts(double exact, byte actual, double min = 0, double max = 255)
    {
        var rounded = Clamp(Math.Round(exact, MidpointRounding.AwayFromZero), min, max);
        if (actual == rounded) return true;
        var fraction = exact - Math.Floor(exact);
        return Math.Abs(fraction - 0.5) < TieWindow
            && (actual == Clamp(Math.Floor(exact), min, max) || actual == Clamp(Math.Ceiling(exact), min, max));
    }

    public static int Position(float p) => (int)Math.Round(p * 4096.0, MidpointRounding.AwayFromZero);

    public static double Alpha(float logit) => 255.0 / (1.0 + Math.Exp(-(double)logit));

    public static double Colour(float dc) => dc * 38.25 + 127.5;

    /// <summary>In float32 as the contract says: the sum s + 10 rounds before the multiply, which decides near-ties.</summary>
    public static double Scale(float logScale) => (logScale + 10f) * 16f;

    /// <summary>x, y, z of the normalised quaternion with w made non-negative, scaled to 0..255.</summary>
    public static double[] Rotation(float w, float x, float y, float z)
    {
        var norm = Math.Sqrt((double)w * w + (double)x * x + (double)y * y + (double)z * z);
        var sign = w < 0 ? -1.0 : 1.0;
        return [x / norm * sign * 127.5 + 127.5, y / norm * sign * 127.5 + 127.5, z / norm * sign * 127.5 + 127.5];
    }

    /// <summary>round(v * 128) + 128 snapped to a bucket of 8 (band 1) or 16, clamped.</summary>
    public static byte Sh(float value, int bucket)
    {
        var q = (int)Math.Round(value * 128.0, MidpointRounding.AwayFromZero) + 128;
        q = (int)Math.Floor((q + bucket / 2) / (double)bucket) * bucket;
        return (byte)Math.Clamp(q, 0, 255);
    }

    private static double Clamp(double v, double min, double max) => Math.Min(Math.Max(v, min), max);
}
