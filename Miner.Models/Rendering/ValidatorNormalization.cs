using Miner.Models.Splats;

namespace Miner.Models.Rendering;

/// <summary>
/// The validator's <c>transform_gs_data</c> (splat-contract 5.2), reproduced with its quirks: one scalar mean over all
/// 3N coordinates (not a per-axis mean), scale so the largest axis-aligned extent equals the reference size, and
/// opacities divided by that scale factor, then clipped to [0, 1].
/// </summary>
public static class ValidatorNormalization
{
    /// <summary>The production reference size (5.1).</summary>
    public const double ProductionReferenceSize = 1.5;

    /// <summary>Activates and normalises <paramref name="cloud"/>; the cloud itself is not changed.</summary>
    /// <exception cref="InvalidOperationException">The cloud is empty or has zero extent (the validator divides by zero).</exception>
    public static NormalizedSplats Apply(GaussianCloud cloud, double referenceSize = ProductionReferenceSize)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        var n = cloud.Count;
        var result = Create(cloud, referenceSize, n);
        var p = cloud.Positions;
        var s = result.ScaleFactor;
        var m = result.ScalarMean;
        for (var i = 0; i < 3 * n; i++)
        {
            result.Positions[i] = (float)((p[i] - (float)m) * s);
            result.Scales[i] = (float)(MathF.Exp(cloud.Scales[i]) * s);
            result.Colors[i] = 0.5f + GaussianCloud.ShC0 * cloud.ShDc[i];
        }

        for (var i = 0; i < n; i++)
        {
            var o = GaussianCloud.Sigmoid(cloud.Opacities[i]) / s;
            result.Opacities[i] = (float)Math.Clamp(o, 0.0, 1.0);
            var q = cloud.NormalizedRotation(i);
            result.Rotations[4 * i] = q.W;
            result.Rotations[4 * i + 1] = q.X;
            result.Rotations[4 * i + 2] = q.Y;
            result.Rotations[4 * i + 3] = q.Z;
        }

        return result;
    }

    /// <summary>The scale factor s = reference size / max extent (extent per axis in float64).</summary>
    public static double ScaleFactor(GaussianCloud cloud, double referenceSize = ProductionReferenceSize)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        if (cloud.Count == 0) throw new InvalidOperationException("an empty cloud has no extent to normalise");
        double maxExtent = 0;
        for (var axis = 0; axis < 3; axis++)
        {
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            for (var i = axis; i < cloud.Positions.Length; i += 3)
            {
                lo = Math.Min(lo, cloud.Positions[i]);
                hi = Math.Max(hi, cloud.Positions[i]);
            }

            maxExtent = Math.Max(maxExtent, hi - lo);
        }

        if (!(maxExtent > 0))
            throw new InvalidOperationException("the cloud has zero extent: the validator divides by zero here");
        return referenceSize / maxExtent;
    }

    /// <summary>The mean of all 3N coordinate values together (one scalar), as a float32 result.</summary>
    public static double ScalarMean(GaussianCloud cloud)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        if (cloud.Count == 0) return 0;
        double sum = 0;
        foreach (var v in cloud.Positions) sum += v;
        return (float)(sum / cloud.Positions.Length);
    }

    private static NormalizedSplats Create(GaussianCloud cloud, double referenceSize, int n)
    {
        if (n == 0) return new NormalizedSplats(0);
        return new NormalizedSplats(n)
        {
            ScaleFactor = ScaleFactor(cloud, referenceSize),
            ScalarMean = ScalarMean(cloud),
        };
    }
}
