namespace Miner.Actors.Mining.Simulation;

/// <summary>The subnet validator's generation settings (bittensor-wire.md §3.9 defaults).</summary>
public sealed record ValidatorRuleSettings
{
    public double TaskCooldownSeconds { get; init; } = 300;
    public double ThrottlePeriodSeconds { get; init; } = 30;
    public double CooldownPenaltySeconds { get; init; } = 600;
    public double QualityThreshold { get; init; } = 0.6;
    public long CooldownViolationsThreshold { get; init; } = 100;
    public long CooldownViolationPenaltySeconds { get; init; } = 10;
}
