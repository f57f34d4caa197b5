namespace Miner.Models.Generation;

/// <summary>sRGB bytes to CIELAB (D65), where Euclidean distance (CIE76 delta E) roughly follows perceived difference.</summary>
internal static class LabColour
{
    private static readonly float[] Linear = BuildLinearTable();

    public static (float L, float A, float B) FromSrgb(byte r, byte g, byte b)
    {
        float lr = Linear[r], lg = Linear[g], lb = Linear[b];
        var x = (0.4124564f * lr + 0.3575761f * lg + 0.1804375f * lb) / 0.95047f;
        var y = 0.2126729f * lr + 0.7151522f * lg + 0.0721750f * lb;
        var z = (0.0193339f * lr + 0.1191920f * lg + 0.9503041f * lb) / 1.08883f;
        float fx = F(x), fy = F(y), fz = F(z);
        return (116f * fy - 16f, 500f * (fx - fy), 200f * (fy - fz));
    }

    public static float Distance((float L, float A, float B) p, (float L, float A, float B) q)
    {
        float dl = p.L - q.L, da = p.A - q.A, db = p.B - q.B;
        return MathF.Sqrt(dl * dl + da * da + db * db);
    }

    private static float F(float t) => t > 0.008856452f ? MathF.Cbrt(t) : t / 0.12841855f + 4f / 29f;

    private static float[] BuildLinearTable()
    {
        var table = new float[256];
        for (var i = 0; i < 256; i++)
        {
            var c = i / 255.0;
            table[i] = (float)(c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4));
        }
        return table;
    }
}
