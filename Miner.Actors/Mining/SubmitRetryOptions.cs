using Miner.Models.Configuration.Rules;

namespace Miner.Actors.Mining;

/// <summary>
/// Retries of a submission that got no answer (HOCON <c>miner.mining.submit-retry { }</c>). The validator keeps the
/// task assigned until it hears from us, so retrying is safe; it is bounded so a dead validator is given up.
/// </summary>
public sealed class SubmitRetryOptions : IValidatedOptions
{
    /// <summary>Attempts in all, the first included.</summary>
    [Between(1, 100)]
    public int Attempts { get; set; } = 5;

    /// <summary>Delay before the second attempt; doubles each time up to <see cref="MaxDelay"/>.</summary>
    [Positive(Max = "1h")]
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(5);

    [Positive(Max = "1d")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>No retry starts later than this after the first attempt.</summary>
    [Positive(Max = "1d")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Longest wait for the task ledger to write a submission down before it is sent anyway (a labelled fallback).</summary>
    [Positive(Max = "1h")]
    public TimeSpan RecordTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<(string Key, string Problem)> Problems()
    {
        if (MaxDelay < InitialDelay) yield return ("max-delay", $"{SettingScalar.Format(MaxDelay)} is shorter than initial-delay ({SettingScalar.Format(InitialDelay)})");
    }

    /// <summary>Delay before attempt <paramref name="attempt"/> (2 = the first retry).</summary>
    public TimeSpan DelayBefore(int attempt)
    {
        var delay = InitialDelay.TotalSeconds * Math.Pow(2, Math.Max(0, attempt - 2));
        return TimeSpan.FromSeconds(Math.Min(delay, MaxDelay.TotalSeconds));
    }
}
