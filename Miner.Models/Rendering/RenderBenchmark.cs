using System.Diagnostics;
using Miner.Models.Splats;

namespace Miner.Models.Rendering;

/// <summary>
/// Milliseconds per 518 x 518 production view for a synthetic cloud of a given size: gaussians spread through a
/// 1.5-wide box with TRELLIS-like small scales and mixed opacities. Normalisation runs once (as the validator does
/// for its 16 views) and is not timed.
/// </summary>
public static class RenderBenchmark
{
    /// <summary>A deterministic synthetic cloud: uniform positions in [-0.75, 0.75]^3, scales e^-6..e^-4, random colours and rotations.</summary>
    public static GaussianCloud SyntheticCloud(int gaussians, int seed = 17)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(gaussians);
        var random = new Random(seed);
        var cloud = new GaussianCloud(gaussians, 0);
        for (var i = 0; i < gaussians; i++)
        {
            for (var k = 0; k < 3; k++)
            {
                cloud.Positions[3 * i + k] = (float)(random.NextDouble() * 1.5 - 0.75);
                cloud.Scales[3 * i + k] = (float)(-6 + 2 * random.NextDouble());
                cloud.ShDc[3 * i + k] = (float)(random.NextDouble() * 3 - 1.5);
            }

            cloud.Opacities[i] = (float)(random.NextDouble() * 8 - 3);
            for (var k = 0; k < 4; k++) cloud.Rotations[4 * i + k] = (float)(random.NextDouble() * 2 - 1);
            cloud.Rotations[4 * i] += 1.5f;
        }

        return cloud;
    }

    /// <summary>Mean wall-clock milliseconds per production view over <paramref name="views"/> views after one warm-up render.</summary>
    public static double MillisecondsPerView(int gaussians, int views = 4, RenderOptions? options = null) =>
        Measure(gaussians, views, options).WallMilliseconds;

    /// <summary>
    /// Wall-clock and process CPU milliseconds per production view. On a shared machine the wall time depends on the
    /// other load; the CPU time does much less, and CPU time / cores is what a quiet machine's wall time would be at
    /// best.
    /// </summary>
    public static RenderTiming Measure(int gaussians, int views = 4, RenderOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(views);
        options ??= RenderOptions.Production;
        var splats = ValidatorNormalization.Apply(SyntheticCloud(gaussians), options.ReferenceSize);
        SplatRasterizer.Render(splats, ProductionViews.Camera(0), options);
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (var v = 0; v < views; v++)
            SplatRasterizer.Render(splats, ProductionViews.Camera(1 + v * 4 % (ProductionViews.Count - 1)), options);
        var wall = watch.Elapsed.TotalMilliseconds / views;
        process.Refresh();
        return new RenderTiming(gaussians, wall, (process.TotalProcessorTime - cpu).TotalMilliseconds / views);
    }
}
