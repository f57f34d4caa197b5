using Miner.Models.Configuration.Rules;

namespace Miner.Models.Splats;

/// <summary>Density bucket boundaries reported by the statistics.</summary>
public sealed class CloudStatisticsOptions : IValidatedOptions
{
    /// <summary>Fewer gaussians than this is "sparse".</summary>
    [NotNegative]
    public int SparseBelow { get; set; } = 150_000;

    /// <summary>More gaussians than this is "dense"; between the two is "medium".</summary>
    [NotNegative]
    public int DenseAbove { get; set; } = 400_000;

    public IEnumerable<(string Key, string Problem)> Problems()
    {
        if (SparseBelow > DenseAbove) yield return ("sparse-below", $"{SparseBelow} is above dense-above ({DenseAbove})");
    }
}
