using System.Globalization;
using System.Numerics;

namespace Miner.Models.Splats;

/// <summary>
/// Fits a cloud to what the validator expects: optionally rotated 180 degrees about X (TRELLIS's save_ply frame
/// is Y-down, the validator's is Y-up), each axis centred on 0 (the validator subtracts one scalar mean of all
/// coordinates, which only centres a cloud whose per-axis means are already equal), and scaled so the largest
/// extent is the validator's reference size, so its own rescale is 1 and opacities stay as generated.
/// </summary>
public static class GeometryNormalizer
{
    /// <summary>
    /// Sign of each SH coefficient (per channel, coefficient-major index 0..14) under the flip (x, y, z) to
    /// (x, -y, -z): the contract's RDF/RUB table with sx = +1, sy = sz = -1.
    /// </summary>
    private static readonly float[] ShFlip = [-1, -1, 1, -1, 1, 1, -1, 1, -1, 1, -1, -1, 1, -1, 1];

    public static GeometryNormalization Normalize(GaussianCloud cloud, SplatNormalizationOptions? options = null)
    {
        options ??= new SplatNormalizationOptions();
        if (options.RotateTrellisFrame) RotateAboutX(cloud);
        var before = PositionBounds.Of(cloud);
        if (!options.NormalizeGeometry)
            return new GeometryNormalization(false, options.RotateTrellisFrame, Vector3.Zero, 1, before.MaxExtent, before.MaxExtent, "geometry normalisation is disabled");
        var extent = before.MaxExtent;
        if (cloud.Count == 0 || !(extent > 0) || !float.IsFinite(extent))
            return new GeometryNormalization(false, options.RotateTrellisFrame, Vector3.Zero, 1, extent, extent,
                $"the bounding box is degenerate (largest extent {extent}); left as it is");

        var centre = options.CentreOnMean ? before.Mean : (before.Min + before.Max) / 2;
        var scale = options.TargetExtent / extent;
        var logScale = MathF.Log(scale);
        var positions = cloud.Positions;
        for (var i = 0; i < cloud.Count; i++)
        {
            positions[3 * i] = (positions[3 * i] - centre.X) * scale;
            positions[3 * i + 1] = (positions[3 * i + 1] - centre.Y) * scale;
            positions[3 * i + 2] = (positions[3 * i + 2] - centre.Z) * scale;
        }
        var scales = cloud.Scales;
        for (var k = 0; k < scales.Length; k++) scales[k] += logScale;

        var after = PositionBounds.Of(cloud).MaxExtent;
        var how = options.CentreOnMean ? "per-axis means" : "bounding-box middle";
        return new GeometryNormalization(true, options.RotateTrellisFrame, centre, scale, extent, after,
            $"centred on the {how} ({Format(centre.X)}, {Format(centre.Y)}, {Format(centre.Z)}), scaled by {Format(scale)} "
            + $"so the largest extent goes from {Format(extent)} to {Format(after)}" + (options.RotateTrellisFrame ? ", after a 180 degree turn about X" : ""));
    }

    /// <summary>(x, y, z) to (x, -y, -z); quaternions (w, x, y, z) to (w, x, -y, -z); SH signs per <see cref="ShFlip"/>.</summary>
    public static void RotateAboutX(GaussianCloud cloud)
    {
        for (var i = 0; i < cloud.Count; i++)
        {
            cloud.Positions[3 * i + 1] = -cloud.Positions[3 * i + 1];
            cloud.Positions[3 * i + 2] = -cloud.Positions[3 * i + 2];
            cloud.Rotations[4 * i + 2] = -cloud.Rotations[4 * i + 2];
            cloud.Rotations[4 * i + 3] = -cloud.Rotations[4 * i + 3];
        }
        var perChannel = cloud.ShRestPerChannel;
        for (var k = 0; k < cloud.ShRest.Length; k++) cloud.ShRest[k] *= ShFlip[k % perChannel];
    }

    private static string Format(float value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
