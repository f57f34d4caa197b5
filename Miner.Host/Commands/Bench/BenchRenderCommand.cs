using System.Globalization;
using System.Text.Json;
using Miner.Models.Rendering;

namespace Miner.Host.Commands.Bench;

/// <summary>
/// <c>miner bench render [--json]</c>: milliseconds per 518 x 518 production view for synthetic clouds of 100K, 400K and
/// 1M gaussians (<see cref="RenderBenchmark"/>), all cores. Target: at most 150 ms per view at 400K on the 2-core machine.
/// </summary>
public static class BenchRenderCommand
{
    public static IReadOnlyList<int> Sizes { get; } = [100_000, 400_000, 1_000_000];

    public static int Run(bool json, int views, TextWriter stdout, TextWriter stderr, IReadOnlyList<int>? sizes = null)
    {
        if (views < 1)
        {
            stderr.WriteLine("error: --views must be at least 1");
            return 1;
        }
        sizes ??= Sizes;
        var results = sizes.Select(n => RenderBenchmark.Measure(n, views)).ToArray();
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(new
            {
                cores = Environment.ProcessorCount,
                image = $"{ProductionViews.ImageSize}x{ProductionViews.ImageSize}",
                views_timed = views,
                results = results.Select(r => new { gaussians = r.Gaussians, ms_per_view = Math.Round(r.WallMilliseconds, 1), cpu_ms_per_view = Math.Round(r.CpuMilliseconds, 1) }),
            }));
            return 0;
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"518x518 production views, {Environment.ProcessorCount} cores, mean of {views} views after a warm-up (cpu: process CPU time, all threads)"));
        stdout.WriteLine($"{"gaussians",12} {"ms/view",10} {"cpu ms/view",12}");
        foreach (var r in results)
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Gaussians,12:N0} {r.WallMilliseconds,10:0.0} {r.CpuMilliseconds,12:0.0}"));
        return 0;
    }
}
