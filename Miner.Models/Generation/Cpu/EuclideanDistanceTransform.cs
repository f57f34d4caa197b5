namespace Miner.Models.Generation;

/// <summary>
/// Exact Euclidean distance transform (Felzenszwalb and Huttenlocher, two separable passes of the lower envelope of
/// parabolas): for every inside pixel, the distance to the nearest outside pixel; the region beyond the grid counts
/// as outside, so a shape touching the border still tapers there.
/// </summary>
internal static class EuclideanDistanceTransform
{
    public static float[] Compute(bool[] inside, int width, int height, CancellationToken cancellation)
    {
        const float Infinity = 1e20f;
        // Pad by one pixel of outside on every side, so the grid edge acts as background.
        int pw = width + 2, ph = height + 2;
        var squared = new float[pw * ph];
        for (var y = 0; y < ph; y++)
            for (var x = 0; x < pw; x++)
            {
                var ix = x - 1;
                var iy = y - 1;
                var isInside = ix >= 0 && iy >= 0 && ix < width && iy < height && inside[iy * width + ix];
                squared[y * pw + x] = isInside ? Infinity : 0f;
            }

        var length = Math.Max(pw, ph);
        var f = new float[length];
        var d = new float[length];
        var v = new int[length];
        var z = new float[length + 1];
        for (var x = 0; x < pw; x++)
        {
            for (var y = 0; y < ph; y++) f[y] = squared[y * pw + x];
            Envelope(f, ph, d, v, z);
            for (var y = 0; y < ph; y++) squared[y * pw + x] = d[y];
        }
        cancellation.ThrowIfCancellationRequested();
        for (var y = 0; y < ph; y++)
        {
            Array.Copy(squared, y * pw, f, 0, pw);
            Envelope(f, pw, d, v, z);
            Array.Copy(d, 0, squared, y * pw, pw);
            if ((y & 63) == 0) cancellation.ThrowIfCancellationRequested();
        }

        var result = new float[width * height];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                result[y * width + x] = MathF.Sqrt(squared[(y + 1) * pw + x + 1]);
        return result;
    }

    /// <summary>1D squared distance transform of the sampled function f (length n) into d.</summary>
    private static void Envelope(float[] f, int n, float[] d, int[] v, float[] z)
    {
        var k = 0;
        v[0] = 0;
        z[0] = float.NegativeInfinity;
        z[1] = float.PositiveInfinity;
        for (var q = 1; q < n; q++)
        {
            float s;
            while (true)
            {
                var p = v[k];
                s = ((f[q] + (float)q * q) - (f[p] + (float)p * p)) / (2f * (q - p));
                if (s <= z[k] && k > 0) k--;
                else break;
            }
            if (s <= z[k])
            {
                // k == 0 and the new parabola dominates everywhere.
                v[0] = q;
                z[0] = float.NegativeInfinity;
                z[1] = float.PositiveInfinity;
                continue;
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = float.PositiveInfinity;
        }
        k = 0;
        for (var q = 0; q < n; q++)
        {
            while (z[k + 1] < q) k++;
            var dq = q - v[k];
            d[q] = (float)dq * dq + f[v[k]];
        }
    }
}
