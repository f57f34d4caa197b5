namespace Miner.Host.Devnet;

/// <summary>
/// What a devnet validator keeps per miner: the subnet validator's <c>MinerData</c> (bittensor-wire 3.6-3.8). Mutated only
/// by <see cref="DevnetValidator"/> under its lock; <see cref="Copy"/> hands out a snapshot.
/// </summary>
public sealed class DevnetMinerData
{
    private readonly List<double> _accepted = [];

    public DevnetMinerData(int uid) => Uid = uid;

    public int Uid { get; }

    public DevnetTask? AssignedTask { get; private set; }

    /// <summary>Unix seconds (float, as the validator's <c>time.time()</c>) when the task was assigned.</summary>
    public double? AssignmentTime { get; private set; }

    /// <summary>Unix seconds; 0 when the miner never had a cooldown.</summary>
    public long CooldownUntil { get; internal set; }

    public long CooldownViolations { get; internal set; }

    public long ValidationLockedUntil { get; internal set; }

    /// <summary>Unix seconds of the last accepted result (0: none).</summary>
    public long LastSubmitTime { get; internal set; }

    /// <summary>EMA of fidelity; the validator starts every miner at 1.0.</summary>
    public double FidelityScore { get; private set; } = 1.0;

    public bool IsOnCooldown(double now) => CooldownUntil != 0 && now < CooldownUntil;

    public void Assign(DevnetTask task, double now)
    {
        AssignedTask = task;
        AssignmentTime = now;
    }

    /// <summary>
    /// The validator's <c>reset_task</c>: the cooldown runs from assignment, so finishing within the throttle period
    /// does not shorten it and finishing later pushes it back.
    /// </summary>
    public void ResetTask(double now, double throttlePeriod, double cooldown)
    {
        CooldownUntil = AssignmentTime is not { } assigned
            ? (long)now + (long)cooldown
            : (long)Math.Max(now + cooldown - throttlePeriod, assigned + cooldown);
        AssignedTask = null;
        AssignmentTime = null;
    }

    /// <summary>Records an accepted result: EMA with weight <paramref name="alpha"/> and a window entry.</summary>
    public void AddObservation(double now, double score, double alpha)
    {
        FidelityScore = (1 - alpha) * FidelityScore + alpha * score;
        _accepted.Add(now);
    }

    public int GenerationsWithin(double now, double windowSeconds)
    {
        _accepted.RemoveAll(t => t <= now - windowSeconds);
        return _accepted.Count;
    }

    public DevnetMinerData Copy()
    {
        var copy = new DevnetMinerData(Uid)
        {
            AssignedTask = AssignedTask, AssignmentTime = AssignmentTime, CooldownUntil = CooldownUntil, CooldownViolations = CooldownViolations,
            ValidationLockedUntil = ValidationLockedUntil, LastSubmitTime = LastSubmitTime, FidelityScore = FidelityScore,
        };
        copy._accepted.AddRange(_accepted);
        return copy;
    }
}
