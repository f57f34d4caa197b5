namespace Miner.Actors.Generation;

/// <summary>How long one stage attempt took for one task ("image", "mask", "trellis", "ply").</summary>
public sealed record StageTiming(string Stage, int Attempt, TimeSpan Elapsed, bool Succeeded);
