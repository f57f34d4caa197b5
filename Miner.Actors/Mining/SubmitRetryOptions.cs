namespace Miner.Actors.Mining;

/// <summary>
/// Retries of a submission that got no answer (HOCON <c>miner.mining.submit-retry { }</c>). The validator keeps the
/// task assigned until it hears from us, so retrying is safe; it is bounded so a dead validator is given up.
/// </summary>
public sealed class SubmitRetryOptions
{
    /// <summary>Attempts in all, the first included.</summary>
    public int Attempts { get; set; } = 5;

    /// <summary>Delay before the second attempt; doubles each time up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>No retry starts later than this after the first attempt.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Longest wait for the task ledger to write a submission down before it is sent anyway (a labelled fallback).</summary>
    public TimeSpan RecordTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public void Validate()
    {
        if (Attempts < 1) throw new ArgumentException("miner.mining.submit-retry.attempts must be at least 1");
        if (InitialDelay <= TimeSpan.Zero) throw new ArgumentException("miner.mining.submit-retry.initial-delay must be positive");
        if (MaxDelay < InitialDelay) throw new ArgumentException("miner.mining.submit-retry.max-delay must be at least initial-delay");
        if (Window <= TimeSpan.Zero) throw new ArgumentException("miner.mining.submit-retry.window must be positive");
        if (RecordTimeout <= TimeSpan.Zero) throw new ArgumentException("miner.mining.submit-retry.record-timeout must be positive");
    }

    /// <summary>Delay before attempt <paramref name="attempt"/> (2 = the first retry).</summary>
    public TimeSpan DelayBefore(int attempt)
    {
        var delay = InitialDelay.TotalSeconds * Math.Pow(2, Math.Max(0, attempt - 2));
        return TimeSpan.FromSeconds(Math.Min(delay, MaxDelay.TotalSeconds));
    }
}
