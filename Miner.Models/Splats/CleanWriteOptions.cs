namespace Miner.Models.Splats;

/// <summary>Safe transforms used when turning a backend's activated values into storage values.</summary>
public sealed class CleanWriteOptions
{
    /// <summary>Alpha is clamped to [eps, 1 - eps] before the logit so the file never holds +-inf.</summary>
    public float OpacityEpsilon { get; set; } = 1e-7f;

    /// <summary>Linear scales are clamped to [min, max] before the log.</summary>
    public float MinScale { get; set; } = 1e-7f;

    public float MaxScale { get; set; } = 100f;

    /// <summary>Re-read a written PLY and compare it bit for bit with what was meant to be written.</summary>
    public bool VerifyAfterWrite { get; set; } = true;
}
