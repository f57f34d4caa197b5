using System.Globalization;

namespace Miner.Models.Splats;

/// <summary>
/// Adaptive opacity normalisation as the seed miner settled it: a cloud whose mean opacity logit lies in the
/// healthy range is left alone (blanket normalisation over-corrected good clouds); one outside it has every
/// finite logit shifted so the mean lands on the target. Infinite logits (alpha exactly 0 or 1) are not moved.
/// </summary>
public static class OpacityNormalizer
{
    public static OpacityNormalization Normalize(GaussianCloud cloud, SplatNormalizationOptions? options = null)
    {
        options ??= new SplatNormalizationOptions();
        var before = FiniteMean(cloud.Opacities);
        if (!options.NormalizeOpacity) return new OpacityNormalization(false, before, before, 0, "opacity normalisation is disabled");
        if (double.IsNaN(before)) return new OpacityNormalization(false, before, before, 0, "no finite opacity logits");
        var range = $"[{Format(options.HealthyOpacityLogitMin)}, {Format(options.HealthyOpacityLogitMax)}]";
        if (before >= options.HealthyOpacityLogitMin && before <= options.HealthyOpacityLogitMax)
            return new OpacityNormalization(false, before, before, 0, $"mean logit {Format(before)} is inside the healthy range {range}; left alone");

        var shift = (float)(options.TargetOpacityLogitMean - before);
        var logits = cloud.Opacities;
        for (var i = 0; i < logits.Length; i++)
            if (float.IsFinite(logits[i])) logits[i] += shift;
        var after = FiniteMean(logits);
        var side = before < options.HealthyOpacityLogitMin ? "below" : "above";
        return new OpacityNormalization(true, before, after, shift,
            $"mean logit {Format(before)} is {side} the healthy range {range}; shifted by {Format(shift)} to {Format(after)}");
    }

    private static double FiniteMean(float[] values)
    {
        double sum = 0;
        var count = 0;
        foreach (var v in values)
            if (float.IsFinite(v))
            {
                sum += v;
                count++;
            }
        return count == 0 ? double.NaN : sum / count;
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
