using Miner.Models.Configuration.Rules;

namespace Miner.Models.Splats;

/// <summary>The constants of the validator's <c>is_input_data_valid</c>; change only if the validator does.</summary>
public sealed class ValidatorCheckOptions
{
    [Between(1, 10_000_000)]
    public int MinGaussians { get; set; } = 7000;

    [Between(0, 1)]
    public float ZeroOpacityEpsilon { get; set; } = 1e-3f;

    [Between(0, 100)]
    public double MaxZeroOpacityPercent { get; set; } = 80;

    [Positive]
    public float ZeroScaleEpsilon { get; set; } = 0.05f;

    [Between(0, 100)]
    public double MaxZeroScalePercent { get; set; } = 80;
}
