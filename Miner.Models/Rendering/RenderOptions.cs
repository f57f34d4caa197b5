namespace Miner.Models.Rendering;

/// <summary>Renderer settings; the defaults are the validator's production ones (splat-contract 5.1).</summary>
public sealed record RenderOptions
{
    public static RenderOptions Production { get; } = new();

    /// <summary>ref_bbox_size of the normalisation (5.2): 1.5 in production, 1.0 in the validator's test view.</summary>
    public double ReferenceSize { get; init; } = ValidatorNormalization.ProductionReferenceSize;

    public CullingBox Culling { get; init; } = CullingBox.Gsplat153;

    /// <summary>Background colour, channels in [0, 1]; white in production.</summary>
    public float BackgroundR { get; init; } = 1f;
    public float BackgroundG { get; init; } = 1f;
    public float BackgroundB { get; init; } = 1f;

    /// <summary>Low-pass added to both diagonal entries of the 2D covariance.</summary>
    public double Eps2D { get; init; } = 0.3;

    /// <summary>
    /// When set, the alpha channel holds the accumulated opacity 1 - T (clipped, x 255, truncated) instead of 255; the
    /// colour channels are unchanged. The validator renders RGB only: this is for the miner's own coverage checks, which
    /// must see a white object on the white background too.
    /// </summary>
    public bool CoverageInAlpha { get; init; }

    /// <summary>Threads for the tile loop; -1 means all cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
