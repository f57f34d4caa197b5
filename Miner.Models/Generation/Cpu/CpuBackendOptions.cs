namespace Miner.Models.Generation;

/// <summary>Settings of the CPU fallback backends (border matting and silhouette inflation).</summary>
public sealed record CpuBackendOptions
{
    /// <summary>Minimum number of gaussians the inflation emits; the validator needs 7000, TRELLIS emits 150K-1M.</summary>
    public int GaussianBudget { get; init; } = 150_000;

    /// <summary>Half-thickness at the thickest point as a fraction of the largest inscribed radius (1 turns a disc into a sphere).</summary>
    public double DepthRatio { get; init; } = 0.75;

    /// <summary>CIE76 delta E within which a pixel counts as background colour.</summary>
    public double MattingTolerance { get; init; } = 14;

    /// <summary>Alpha (0..255) at or above which a pixel belongs to the silhouette.</summary>
    public int AlphaThreshold { get; init; } = 128;

    /// <summary>Width in pixels of the soft edge the matting leaves between foreground and background.</summary>
    public int FeatherPixels { get; init; } = 2;

    /// <summary>Foreground islands smaller than this fraction of the largest one are dropped as noise.</summary>
    public double MinIslandFraction { get; init; } = 0.01;

    /// <summary>Share of border pixels the background colours must cover for the image to count as having a plain background.</summary>
    public double MinBackgroundBorderShare { get; init; } = 0.6;

    /// <summary>Opacity of surface gaussians (activated, 0..1).</summary>
    public double SurfaceOpacity { get; init; } = 0.95;

    /// <summary>
    /// Tilt (degrees about X) that turns the inflated relief to face the validator's front camera, which looks down
    /// 15 degrees: the front render then shows the silhouette itself, not the top of the relief. 0 keeps it upright.
    /// </summary>
    public double FrontElevationDegrees { get; init; } = 15;

    /// <summary>Largest bounding-box extent of the output; 1.5 is the validator's reference size, so its rescale is 1.</summary>
    public double TargetExtent { get; init; } = 1.5;

    public void Validate()
    {
        if (GaussianBudget is < 7000 or > 5_000_000)
            throw new ArgumentOutOfRangeException(nameof(GaussianBudget), GaussianBudget, "gaussian budget must lie in [7000, 5000000]");
        if (!(DepthRatio > 0 && DepthRatio <= 4))
            throw new ArgumentOutOfRangeException(nameof(DepthRatio), DepthRatio, "depth ratio must lie in (0, 4]");
        if (!(MattingTolerance > 0 && MattingTolerance < 100))
            throw new ArgumentOutOfRangeException(nameof(MattingTolerance), MattingTolerance, "matting tolerance must lie in (0, 100) delta E");
        if (AlphaThreshold is < 1 or > 255)
            throw new ArgumentOutOfRangeException(nameof(AlphaThreshold), AlphaThreshold, "alpha threshold must lie in [1, 255]");
        if (FeatherPixels is < 0 or > 8)
            throw new ArgumentOutOfRangeException(nameof(FeatherPixels), FeatherPixels, "feather must lie in [0, 8] pixels");
        if (!(MinIslandFraction >= 0 && MinIslandFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(MinIslandFraction), MinIslandFraction, "island fraction must lie in [0, 1)");
        if (!(MinBackgroundBorderShare > 0 && MinBackgroundBorderShare <= 1))
            throw new ArgumentOutOfRangeException(nameof(MinBackgroundBorderShare), MinBackgroundBorderShare, "border share must lie in (0, 1]");
        if (!(SurfaceOpacity > 0 && SurfaceOpacity < 1))
            throw new ArgumentOutOfRangeException(nameof(SurfaceOpacity), SurfaceOpacity, "surface opacity must lie in (0, 1)");
        if (!(FrontElevationDegrees >= -45 && FrontElevationDegrees <= 45))
            throw new ArgumentOutOfRangeException(nameof(FrontElevationDegrees), FrontElevationDegrees, "front elevation must lie in [-45, 45] degrees");
        if (!(TargetExtent > 0 && double.IsFinite(TargetExtent)))
            throw new ArgumentOutOfRangeException(nameof(TargetExtent), TargetExtent, "target extent must be positive");
    }
}
