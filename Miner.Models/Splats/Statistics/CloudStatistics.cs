using System.Numerics;

namespace Miner.Models.Splats;

/// <summary>
/// Figures an operator (and the normalisers) look at. Positions, means and extents cover finite positions only;
/// the opacity-logit mean and deviation cover finite logits (+-inf are counted apart, see the contract on
/// TRELLIS's infinite logits); the alpha shares use the activated opacity, so +-inf count as 1 and 0.
/// </summary>
public sealed record CloudStatistics(
    int Count,
    int ShDegree,
    Vector3 BoundsMin,
    Vector3 BoundsMax,
    Vector3 Mean,
    double ScalarMean,
    double OpacityLogitMean,
    double OpacityLogitStdDev,
    int PositiveInfiniteLogits,
    int NegativeInfiniteLogits,
    double ShareAlphaBelow1e3,
    double ShareAlphaBelow1Over255,
    ScalePercentiles LinearScales,
    long NanValues,
    long InfiniteValues,
    int NonFinitePositions,
    DensityBucket Density)
{
    public Vector3 Extent => BoundsMax - BoundsMin;

    public float MaxExtent => MathF.Max(Extent.X, MathF.Max(Extent.Y, Extent.Z));

    public static CloudStatistics Compute(GaussianCloud cloud, CloudStatisticsOptions? options = null)
    {
        options ??= new CloudStatisticsOptions();
        var n = cloud.Count;
        var bounds = PositionBounds.Of(cloud);

        double logitSum = 0, logitSquares = 0;
        int finiteLogits = 0, plusInfinity = 0, minusInfinity = 0, below1e3 = 0, below1Over255 = 0;
        foreach (var logit in cloud.Opacities)
        {
            if (float.IsPositiveInfinity(logit)) plusInfinity++;
            else if (float.IsNegativeInfinity(logit)) minusInfinity++;
            else if (float.IsFinite(logit))
            {
                finiteLogits++;
                logitSum += logit;
                logitSquares += (double)logit * logit;
            }
            var alpha = GaussianCloud.Sigmoid(logit);
            if (alpha < 1e-3f) below1e3++;
            if (alpha < 1f / 255) below1Over255++;
        }
        var logitMean = finiteLogits == 0 ? double.NaN : logitSum / finiteLogits;
        var logitStd = finiteLogits == 0 ? double.NaN : Math.Sqrt(Math.Max(0, logitSquares / finiteLogits - logitMean * logitMean));

        long nan = 0, infinite = 0;
        foreach (var values in new[] { cloud.Positions, cloud.ShDc, cloud.ShRest, cloud.Opacities, cloud.Scales, cloud.Rotations })
            foreach (var v in values)
            {
                if (float.IsNaN(v)) nan++;
                else if (float.IsInfinity(v)) infinite++;
            }

        var density = n < options.SparseBelow ? DensityBucket.Sparse : n > options.DenseAbove ? DensityBucket.Dense : DensityBucket.Medium;
        return new CloudStatistics(n, cloud.ShDegree, bounds.Min, bounds.Max, bounds.Mean, ScalarMeanOf(cloud), logitMean, logitStd, plusInfinity, minusInfinity,
            n == 0 ? 0 : (double)below1e3 / n, n == 0 ? 0 : (double)below1Over255 / n, Percentiles(cloud.Scales), nan, infinite,
            n - bounds.FinitePositions, density);
    }

    /// <summary>The validator's centring shift: the mean of all 3N coordinate values together (one scalar).</summary>
    private static double ScalarMeanOf(GaussianCloud cloud)
    {
        double sum = 0;
        foreach (var v in cloud.Positions) sum += v;
        return cloud.Positions.Length == 0 ? 0 : sum / cloud.Positions.Length;
    }

    private static ScalePercentiles Percentiles(float[] logScales)
    {
        var sorted = logScales.Where(v => !float.IsNaN(v)).ToArray();
        if (sorted.Length == 0) return new ScalePercentiles(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        Array.Sort(sorted);
        // exp is monotonic: percentiles of log-scales, then exp, linear interpolation between ranks
        double At(double q)
        {
            var rank = q * (sorted.Length - 1);
            var low = (int)Math.Floor(rank);
            var high = Math.Min(low + 1, sorted.Length - 1);
            var log = sorted[low] + (rank - low) * ((double)sorted[high] - sorted[low]);
            return Math.Exp(double.IsNaN(log) ? sorted[low] : log);
        }
        return new ScalePercentiles(At(0.01), At(0.05), At(0.5), At(0.95), At(0.99));
    }
}
