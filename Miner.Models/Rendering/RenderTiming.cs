namespace Miner.Models.Rendering;

/// <summary>Milliseconds per view of one <see cref="RenderBenchmark"/> run: wall clock and process CPU time.</summary>
public sealed record RenderTiming(int Gaussians, double WallMilliseconds, double CpuMilliseconds);
