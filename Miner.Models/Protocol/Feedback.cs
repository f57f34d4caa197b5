namespace Miner.Models.Protocol;

/// <summary>The validator's verdict on a submission (every field has a default, as in the subnet's model).</summary>
public sealed record Feedback
{
    /// <summary>The validation service failed or errored for this task.</summary>
    public bool ValidationFailed { get; init; }

    /// <summary><c>min(1, score)</c> for an accepted result, otherwise 0.</summary>
    public double TaskFidelityScore { get; init; }

    /// <summary>Moving average of fidelity (the validator starts every miner at 1.0).</summary>
    public double AverageFidelityScore { get; init; }

    /// <summary>Accepted results in the last 4 hours.</summary>
    public long GenerationsWithinTheWindow { get; init; }

    /// <summary>Glicko-2 duel rating (new miners start at 1500).</summary>
    public double CurrentDuelRating { get; init; }

    /// <summary><c>generations_within_the_window × rating</c>.</summary>
    public double CurrentMinerReward { get; init; }
}
