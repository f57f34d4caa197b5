using Miner.Models.Splats;

namespace Miner.Models.Generation;

/// <summary>
/// A cloud as stored in a PLY (logit opacities, log scales, SH DC) back to the activated values backends hand
/// over, so a PLY from a remote service goes through the same clean-write and normalisation path as any other.
/// </summary>
public static class StoredSplatActivation
{
    public static ActivatedSplats ToActivated(GaussianCloud cloud)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        var splats = new ActivatedSplats(cloud.Count, cloud.ShDegree, ColourEncoding.ShDc);
        cloud.Positions.CopyTo(splats.Positions, 0);
        cloud.ShDc.CopyTo(splats.Colours, 0);
        cloud.Rotations.CopyTo(splats.Rotations, 0);
        cloud.ShRest.CopyTo(splats.ShRest, 0);
        for (var i = 0; i < cloud.Opacities.Length; i++) splats.Opacities[i] = GaussianCloud.Sigmoid(cloud.Opacities[i]);
        for (var i = 0; i < cloud.Scales.Length; i++) splats.Scales[i] = MathF.Exp(cloud.Scales[i]);
        return splats;
    }
}
