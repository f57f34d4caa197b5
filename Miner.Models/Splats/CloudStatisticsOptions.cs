namespace Miner.Models.Splats;

/// <summary>Density bucket boundaries reported by the statistics.</summary>
public sealed class CloudStatisticsOptions
{
    /// <summary>Fewer gaussians than this is "sparse".</summary>
    public int SparseBelow { get; set; } = 150_000;

    /// <summary>More gaussians than this is "dense"; between the two is "medium".</summary>
    public int DenseAbove { get; set; } = 400_000;
}
