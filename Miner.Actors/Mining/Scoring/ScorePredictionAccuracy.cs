namespace Miner.Actors.Mining.Scoring;

/// <summary>
/// How the validation service's predictions compared with one validator's scores, over the <see cref="Count"/>
/// submissions that had both: the means and the mean absolute error (all on the 0..1 task fidelity scale).
/// </summary>
public sealed record ScorePredictionAccuracy(int Count, double MeanPredicted, double MeanActual, double MeanAbsoluteError)
{
    /// <summary>Positive when the service predicts higher than the validator scores.</summary>
    public double Bias => MeanPredicted - MeanActual;
}
