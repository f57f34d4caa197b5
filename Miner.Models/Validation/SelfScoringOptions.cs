namespace Miner.Models.Validation;

/// <summary>When the validation service's predicted score lets a cloud through, and what to do when the service cannot answer.</summary>
public sealed record SelfScoringOptions
{
    /// <summary>The validators' pass mark: a result scored under it costs a 600 s cooldown.</summary>
    public double Threshold { get; init; } = 0.6;

    /// <summary>Predicted scores under <see cref="Threshold"/> + this are retried: the prediction is not the validator's render.</summary>
    public double Margin { get; init; } = 0.05;

    /// <summary>
    /// Service down, slow or answering garbage: true submits on our own checks alone (labelled as such in the
    /// verdict), false asks for a retry.
    /// </summary>
    public bool SubmitWhenUnavailable { get; init; } = true;

    public double PassMark => Threshold + Margin;

    public void Validate()
    {
        if (!double.IsFinite(Threshold) || Threshold is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "threshold must be within 0..1");
        if (!double.IsFinite(Margin) || Margin is < -1 or > 1) throw new ArgumentOutOfRangeException(nameof(Margin), Margin, "margin must be within -1..1");
    }
}
