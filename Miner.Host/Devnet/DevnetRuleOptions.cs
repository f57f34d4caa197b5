using Miner.Models.Configuration.Rules;

namespace Miner.Host.Devnet;

/// <summary>
/// The subnet validator's generation and validation settings (bittensor-wire 3.9), per devnet validator. The subnet's
/// own defaults are 300 s / 30 s / 600 s / 0.6 / 10 s / 100 / 30 s / 0.05; <c>hocon/devnet.conf</c> shortens the
/// times so a devnet run shows several cycles in minutes.
/// </summary>
public sealed class DevnetRuleOptions
{
    /// <summary><c>generation.task_cooldown</c>: the cooldown after a task.</summary>
    [NotNegative(Max = "1d")]
    public TimeSpan TaskCooldown { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary><c>generation.throttle_period</c>: grace after assignment that does not extend the cooldown.</summary>
    [NotNegative(Max = "1d")]
    public TimeSpan ThrottlePeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>generation.cooldown_penalty</c>: added for a bad licence signature or a score under the threshold.</summary>
    [NotNegative(Max = "1d")]
    public TimeSpan CooldownPenalty { get; set; } = TimeSpan.FromSeconds(600);

    /// <summary><c>generation.quality_threshold</c>: the score a result must reach.</summary>
    [Between(0, 1)]
    public double QualityThreshold { get; set; } = 0.6;

    /// <summary><c>generation.cooldown_violation_penalty</c>: added per pull on cooldown once past the threshold.</summary>
    [NotNegative(Max = "1d")]
    public TimeSpan CooldownViolationPenalty { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary><c>generation.cooldown_violations_threshold</c>.</summary>
    [NotNegative(Max = "1000000")]
    public int CooldownViolationsThreshold { get; set; } = 100;

    /// <summary><c>validation.validation_lock_duration</c>: one validation per miner in this period.</summary>
    [NotNegative(Max = "1d")]
    public TimeSpan ValidationLock { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>validation.moving_average_alpha</c>: EMA weight of a new fidelity score.</summary>
    [Between(0, 1, MinExclusive = true)]
    public double MovingAverageAlpha { get; set; } = 0.05;

    /// <summary>The cooldown an unregistered hotkey gets on a pull (the validator's hard-coded 3600 s).</summary>
    [NotNegative(Max = "1d")]
    public TimeSpan UnknownHotkeyCooldown { get; set; } = TimeSpan.FromSeconds(3600);

    /// <summary>The window <c>generations_within_the_window</c> counts over (the validator's 4 hours).</summary>
    [Positive(Max = "30d")]
    public TimeSpan RewardWindow { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Glicko-2 rating reported for every miner: the devnet does not run duels, so a new miner's 1500 stays.</summary>
    [Between(0, 10_000)] // Glicko-2 ratings stay far inside this
    public double DuelRating { get; set; } = 1500.0;

    /// <summary>Throws ArgumentException naming each setting that cannot work, under <paramref name="prefix"/>.</summary>
    public void Validate(string prefix) => SettingRules.ThrowIfInvalid(this, prefix);
}
