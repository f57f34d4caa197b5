namespace Miner.Models.Protocol;

/// <summary>
/// A miner asks a validator for a task (<c>/PullTask</c>). The miner sends the defaults; the validator answers
/// with a task, or with none and the time its cooldown ends.
/// </summary>
public sealed record PullTask : Synapse
{
    public const string SynapseName = "PullTask";

    public override string Name => SynapseName;

    public ProtocolTask? Task { get; init; }

    /// <summary>The score a result must reach (the validator's <c>quality_threshold</c>).</summary>
    public double ValidationThreshold { get; init; } = 0.6;

    /// <summary>Seconds of grace after assignment (the validator's <c>throttle_period</c>).</summary>
    public long ThrottlePeriod { get; init; }

    /// <summary>Unix seconds; set when the validator refuses because the miner is on cooldown.</summary>
    public long CooldownUntil { get; init; }

    /// <summary>How often the miner asked while on cooldown.</summary>
    public long CooldownViolations { get; init; }
}
