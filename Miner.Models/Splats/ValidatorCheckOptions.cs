namespace Miner.Models.Splats;

/// <summary>The constants of the validator's <c>is_input_data_valid</c>; change only if the validator does.</summary>
public sealed class ValidatorCheckOptions
{
    public int MinGaussians { get; set; } = 7000;

    public float ZeroOpacityEpsilon { get; set; } = 1e-3f;

    public double MaxZeroOpacityPercent { get; set; } = 80;

    public float ZeroScaleEpsilon { get; set; } = 0.05f;

    public double MaxZeroScalePercent { get; set; } = 80;
}
