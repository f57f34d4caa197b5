using Miner.Models.Configuration.Rules;

namespace Miner.Models.Generation;

/// <summary>Settings of the CPU fallback backends (border matting and silhouette inflation).</summary>
public sealed record CpuBackendOptions
{
    /// <summary>Minimum number of gaussians the inflation emits; the validator needs 7000, TRELLIS emits 150K-1M.</summary>
    [Between(7000, 5_000_000)]
    public int GaussianBudget { get; init; } = 150_000;

    /// <summary>Half-thickness at the thickest point as a fraction of the largest inscribed radius (1 turns a disc into a sphere).</summary>
    [Between(0, 4, MinExclusive = true)]
    public double DepthRatio { get; init; } = 0.75;

    /// <summary>CIE76 delta E within which a pixel counts as background colour.</summary>
    [Between(0, 100, MinExclusive = true, MaxExclusive = true)]
    public double MattingTolerance { get; init; } = 14;

    /// <summary>Alpha (0..255) at or above which a pixel belongs to the silhouette.</summary>
    [Between(1, 255)]
    public int AlphaThreshold { get; init; } = 128;

    /// <summary>Width in pixels of the soft edge the matting leaves between foreground and background.</summary>
    [Between(0, 8)]
    public int FeatherPixels { get; init; } = 2;

    /// <summary>Foreground islands smaller than this fraction of the largest one are dropped as noise.</summary>
    [Between(0, 1, MaxExclusive = true)]
    public double MinIslandFraction { get; init; } = 0.01;

    /// <summary>Share of border pixels the background colours must cover for the image to count as having a plain background.</summary>
    [Between(0, 1, MinExclusive = true)]
    public double MinBackgroundBorderShare { get; init; } = 0.6;

    /// <summary>Opacity of surface gaussians (activated, 0..1).</summary>
    [Between(0, 1, MinExclusive = true, MaxExclusive = true)]
    public double SurfaceOpacity { get; init; } = 0.95;

    /// <summary>
    /// Tilt (degrees about X) that turns the inflated relief to face the validator's front camera, which looks down
    /// 15 degrees: the front render then shows the silhouette itself, not the top of the relief. 0 keeps it upright.
    /// </summary>
    [Between(-45, 45)]
    public double FrontElevationDegrees { get; init; } = 15;

    /// <summary>Largest bounding-box extent of the output; 1.5 is the validator's reference size, so its rescale is 1.</summary>
    [Positive(Max = "100")]
    public double TargetExtent { get; init; } = 1.5;

    /// <summary>Throws <see cref="ArgumentException"/> naming each setting that cannot work (a card cannot start with it).</summary>
    public void Validate() => SettingRules.ThrowIfInvalid(this, "miner.cpu-backends");
}
