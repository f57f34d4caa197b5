namespace Miner.Models.Splats;

/// <summary>Gaussian-count class (defaults: sparse under 150K, dense over 400K).</summary>
public enum DensityBucket
{
    Sparse,
    Medium,
    Dense,
}
