namespace Miner.Models.Splats;

/// <summary>The conditions of the validator's is_input_data_valid, plus one fatal condition it does not check.</summary>
public enum ValidityCheck
{
    /// <summary>Fewer than 7000 gaussians.</summary>
    GaussianCount,

    /// <summary>One of the first three splats sits at (1, 1, 1) (the validator's garbled "centroid" check).</summary>
    CentroidAtOnes,

    /// <summary>More than 80 % of splats with alpha below 1e-3.</summary>
    ZeroOpacity,

    /// <summary>Every normalised rotation is the identity.</summary>
    IdentityRotations,

    /// <summary>The whole-tensor "all scales below 0.05" flag, counted as one splat out of N (never fires for N &gt;= 2).</summary>
    SmallScales,

    /// <summary>Not in is_input_data_valid: a zero or non-finite extent makes the renderer divide by zero (score 0).</summary>
    DegenerateBounds,

    /// <summary>Not in is_input_data_valid: the cloud cannot be packed as SPZ at all (NaN, position out of range, empty).</summary>
    NotPackable,
}
