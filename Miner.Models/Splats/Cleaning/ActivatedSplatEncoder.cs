namespace Miner.Models.Splats;

/// <summary>
/// Turns activated values into storage values with transforms that cannot produce +-inf or NaN: the logit of
/// a clamped alpha, the log of a clamped scale, a normalised quaternion (identity for a zero one), and RGB to
/// SH DC. This is the fix for the seed miner's "corrupted opacity on save" (logits of alphas at exactly 0 or 1).
/// </summary>
public static class ActivatedSplatEncoder
{
    public static (GaussianCloud Cloud, RepairReport Report) Encode(ActivatedSplats splats, CleanWriteOptions? options = null)
    {
        options ??= new CleanWriteOptions();
        var perSplatRest = 3 * GaussianCloud.ShRestPerChannelForDegree(splats.ShDegree);
        var keep = new List<int>(splats.Count);
        for (var i = 0; i < splats.Count; i++)
            if (IsUsable(splats, i, perSplatRest)) keep.Add(i);

        var cloud = new GaussianCloud(keep.Count, splats.ShDegree);
        int opacitiesClamped = 0, scalesClamped = 0, zeroRotations = 0;
        double low = options.OpacityEpsilon, high = 1.0 - options.OpacityEpsilon;
        for (var k = 0; k < keep.Count; k++)
        {
            var i = keep[k];
            for (var axis = 0; axis < 3; axis++)
            {
                cloud.Positions[3 * k + axis] = splats.Positions[3 * i + axis];
                var colour = splats.Colours[3 * i + axis];
                cloud.ShDc[3 * k + axis] = splats.ColourEncoding == ColourEncoding.Rgb ? (colour - 0.5f) / GaussianCloud.ShC0 : colour;

                var scale = splats.Scales[3 * i + axis];
                var clampedScale = Math.Clamp(scale, options.MinScale, options.MaxScale);
                if (clampedScale != scale) scalesClamped++;
                cloud.Scales[3 * k + axis] = (float)Math.Log(clampedScale);
            }

            var alpha = (double)splats.Opacities[i];
            var clampedAlpha = Math.Clamp(alpha, low, high);
            if (clampedAlpha != alpha) opacitiesClamped++;
            cloud.Opacities[k] = (float)Math.Log(clampedAlpha / (1.0 - clampedAlpha));

            float w = splats.Rotations[4 * i], x = splats.Rotations[4 * i + 1], y = splats.Rotations[4 * i + 2], z = splats.Rotations[4 * i + 3];
            var norm = Math.Sqrt((double)w * w + (double)x * x + (double)y * y + (double)z * z);
            if (norm == 0)
            {
                zeroRotations++;
                (w, x, y, z, norm) = (1, 0, 0, 0, 1);
            }
            cloud.Rotations[4 * k] = (float)(w / norm);
            cloud.Rotations[4 * k + 1] = (float)(x / norm);
            cloud.Rotations[4 * k + 2] = (float)(y / norm);
            cloud.Rotations[4 * k + 3] = (float)(z / norm);

            Array.Copy(splats.ShRest, perSplatRest * i, cloud.ShRest, perSplatRest * k, perSplatRest);
        }
        var report = new RepairReport(splats.Count, keep.Count, splats.Count - keep.Count, opacitiesClamped, scalesClamped, zeroRotations);
        return (cloud, report);
    }

    private static bool IsUsable(ActivatedSplats splats, int i, int perSplatRest)
    {
        for (var axis = 0; axis < 3; axis++)
            if (!float.IsFinite(splats.Positions[3 * i + axis]) || !float.IsFinite(splats.Colours[3 * i + axis])
                || float.IsNaN(splats.Scales[3 * i + axis]))
                return false;
        if (float.IsNaN(splats.Opacities[i])) return false;
        for (var k = 0; k < 4; k++)
            if (!float.IsFinite(splats.Rotations[4 * i + k])) return false;
        for (var k = 0; k < perSplatRest; k++)
            if (!float.IsFinite(splats.ShRest[perSplatRest * i + k])) return false;
        return true;
    }
}
