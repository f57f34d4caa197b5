using Miner.Models.Configuration.Rules;

namespace Miner.Models.Splats;

/// <summary>Safe transforms used when turning a backend's activated values into storage values.</summary>
public sealed class CleanWriteOptions : IValidatedOptions
{
    /// <summary>Alpha is clamped to [eps, 1 - eps] before the logit so the file never holds +-inf.</summary>
    [Between(0, 0.5, MinExclusive = true, MaxExclusive = true)]
    public float OpacityEpsilon { get; set; } = 1e-7f;

    /// <summary>Linear scales are clamped to [min, max] before the log.</summary>
    [Positive]
    public float MinScale { get; set; } = 1e-7f;

    [Positive(Max = "1e6")]
    public float MaxScale { get; set; } = 100f;

    /// <summary>Re-read a written PLY and compare it bit for bit with what was meant to be written.</summary>
    public bool VerifyAfterWrite { get; set; } = true;

    public IEnumerable<(string Key, string Problem)> Problems()
    {
        if (MinScale > MaxScale) yield return ("min-scale", $"{MinScale} is above max-scale ({MaxScale})");
    }
}
