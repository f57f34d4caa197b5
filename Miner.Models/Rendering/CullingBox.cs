namespace Miner.Models.Rendering;

/// <summary>Which gsplat version's bounding box (splat-contract 5.4 step 5) decides culling and tile coverage.</summary>
public enum CullingBox
{
    /// <summary>v1.5.3 (production): opacity cull below 1/255, per-axis half-extents ceil(e sqrt(a)), e = min(3.33, sqrt(2 ln(255 o))).</summary>
    Gsplat153,

    /// <summary>v1.4.0 (the reference PNG): one radius ceil(3 sqrt(lambda_max)), no opacity cull.</summary>
    Gsplat140,
}
