namespace Miner.Host.Devnet;

/// <summary>
/// The subnet validator's generation and validation settings (bittensor-wire 3.9), per devnet validator. The subnet's
/// own defaults are 300 s / 30 s / 600 s / 0.6 / 10 s / 100 / 30 s / 0.05; <c>hocon/devnet.conf</c> shortens the
/// times so a devnet run shows several cycles in minutes.
/// </summary>
public sealed class DevnetRuleOptions
{
    /// <summary><c>generation.task_cooldown</c>: the cooldown after a task.</summary>
    public TimeSpan TaskCooldown { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary><c>generation.throttle_period</c>: grace after assignment that does not extend the cooldown.</summary>
    public TimeSpan ThrottlePeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>generation.cooldown_penalty</c>: added for a bad licence signature or a score under the threshold.</summary>
    public TimeSpan CooldownPenalty { get; set; } = TimeSpan.FromSeconds(600);

    /// <summary><c>generation.quality_threshold</c>: the score a result must reach.</summary>
    public double QualityThreshold { get; set; } = 0.6;

    /// <summary><c>generation.cooldown_violation_penalty</c>: added per pull on cooldown once past the threshold.</summary>
    public TimeSpan CooldownViolationPenalty { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary><c>generation.cooldown_violations_threshold</c>.</summary>
    public int CooldownViolationsThreshold { get; set; } = 100;

    /// <summary><c>validation.validation_lock_duration</c>: one validation per miner in this period.</summary>
    public TimeSpan ValidationLock { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>validation.moving_average_alpha</c>: EMA weight of a new fidelity score.</summary>
    public double MovingAverageAlpha { get; set; } = 0.05;

    /// <summary>The cooldown an unregistered hotkey gets on a pull (the validator's hard-coded 3600 s).</summary>
    public TimeSpan UnknownHotkeyCooldown { get; set; } = TimeSpan.FromSeconds(3600);

    /// <summary>The window <c>generations_within_the_window</c> counts over (the validator's 4 hours).</summary>
    public TimeSpan RewardWindow { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Glicko-2 rating reported for every miner: the devnet does not run duels, so a new miner's 1500 stays.</summary>
    public double DuelRating { get; set; } = 1500.0;

    /// <summary>Throws ArgumentException naming the first setting that cannot work.</summary>
    public void Validate(string prefix)
    {
        if (TaskCooldown < TimeSpan.Zero) throw new ArgumentException($"{prefix}.task-cooldown must not be negative");
        if (ThrottlePeriod < TimeSpan.Zero) throw new ArgumentException($"{prefix}.throttle-period must not be negative");
        if (CooldownPenalty < TimeSpan.Zero) throw new ArgumentException($"{prefix}.cooldown-penalty must not be negative");
        if (QualityThreshold is < 0 or > 1 || double.IsNaN(QualityThreshold)) throw new ArgumentException($"{prefix}.quality-threshold must lie in 0..1");
        if (CooldownViolationPenalty < TimeSpan.Zero) throw new ArgumentException($"{prefix}.cooldown-violation-penalty must not be negative");
        if (CooldownViolationsThreshold < 0) throw new ArgumentException($"{prefix}.cooldown-violations-threshold must not be negative");
        if (ValidationLock < TimeSpan.Zero) throw new ArgumentException($"{prefix}.validation-lock must not be negative");
        if (MovingAverageAlpha is <= 0 or > 1 || double.IsNaN(MovingAverageAlpha)) throw new ArgumentException($"{prefix}.moving-average-alpha must lie in (0, 1]");
        if (UnknownHotkeyCooldown < TimeSpan.Zero) throw new ArgumentException($"{prefix}.unknown-hotkey-cooldown must not be negative");
        if (RewardWindow <= TimeSpan.Zero) throw new ArgumentException($"{prefix}.reward-window must be positive");
    }
}
