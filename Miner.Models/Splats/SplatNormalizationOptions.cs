using Miner.Models.Configuration.Rules;

namespace Miner.Models.Splats;

/// <summary>Thresholds of the opacity and geometry normalisation.</summary>
public sealed class SplatNormalizationOptions : IValidatedOptions
{
    /// <summary>Apply the adaptive opacity normalisation at all.</summary>
    public bool NormalizeOpacity { get; set; } = true;

    /// <summary>A mean opacity logit at or above this (and at or below the maximum) is left alone.</summary>
    [Between(-20, 20)] // a logit of ±20 is an opacity within 2e-9 of 0 or 1
    public float HealthyOpacityLogitMin { get; set; } = 2.0f;

    [Between(-20, 20)]
    public float HealthyOpacityLogitMax { get; set; } = 6.0f;

    /// <summary>Mean opacity logit a cloud outside the healthy range is shifted to.</summary>
    [Between(-20, 20)]
    public float TargetOpacityLogitMean { get; set; } = 4.0f;

    /// <summary>Apply the geometry normalisation (centring and scaling) at all.</summary>
    public bool NormalizeGeometry { get; set; } = true;

    /// <summary>Largest bounding-box extent after scaling; 1.5 is the validator's reference size (opacity then untouched).</summary>
    [Positive(Max = "100")]
    public float TargetExtent { get; set; } = 1.5f;

    /// <summary>Centre each axis on its mean (true, what the validator's scalar-mean shift wants) or on its bounding-box middle.</summary>
    public bool CentreOnMean { get; set; } = true;

    /// <summary>Rotate 180 degrees about X first: TRELLIS's save_ply frame is Y-down, the validator is Y-up.</summary>
    public bool RotateTrellisFrame { get; set; }

    public IEnumerable<(string Key, string Problem)> Problems()
    {
        if (HealthyOpacityLogitMin > HealthyOpacityLogitMax)
            yield return ("healthy-opacity-logit-min", $"{HealthyOpacityLogitMin} is above healthy-opacity-logit-max ({HealthyOpacityLogitMax})");
    }
}
