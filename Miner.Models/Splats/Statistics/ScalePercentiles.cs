namespace Miner.Models.Splats;

/// <summary>Percentiles of the linear (activated) scales of all axes together; NaN when there are none.</summary>
public sealed record ScalePercentiles(double P1, double P5, double P50, double P95, double P99);
