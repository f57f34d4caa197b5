namespace Miner.Actors.Kernel;

/// <summary>
/// Settings of a <see cref="BackoffSupervisor"/>: delay n is min(max, min·2ⁿ)·(1 + r·RandomFactor) with r in [0,1).
/// The restart count resets after the child has run <see cref="ResetAfter"/> without stopping (null: only on
/// <see cref="BackoffSupervisor.Reset"/>).
/// </summary>
public sealed record BackoffOptions(Props ChildProps, string ChildName, TimeSpan MinBackoff, TimeSpan MaxBackoff, double RandomFactor)
{
    public BackoffMode Mode { get; init; } = BackoffMode.OnFailure;
    public TimeSpan? ResetAfter { get; init; }

    /// <summary>Answer sent to senders while the child is absent; null sends their messages to dead letters.</summary>
    public object? ReplyWhileStopped { get; init; }

    /// <summary>Jitter source in [0,1); replaceable so specs are deterministic.</summary>
    public Func<double> Random { get; init; } = System.Random.Shared.NextDouble;

    public TimeSpan DelayFor(int restartCount)
    {
        var exponential = MinBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(restartCount, 62));
        var capped = Math.Min(MaxBackoff.TotalMilliseconds, exponential);
        return TimeSpan.FromMilliseconds(capped * (1.0 + Random() * RandomFactor));
    }
}
