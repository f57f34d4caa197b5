using Miner.Models.Configuration.Rules;

namespace Miner.Actors.Generation;

/// <summary>
/// Settings of a GPU card's generation actor and its stages (HOCON <c>miner.generation</c>). Clean writing and
/// normalisation are the splat engine's (<c>miner.splats</c>) and are passed in separately.
/// </summary>
public sealed class GenerationOptions : IValidatedOptions
{
    /// <summary>Tasks held in the queue beyond the one running; the actor asks for 1 + prefetch when idle.</summary>
    [NotNegative(Max = "64")]
    public int Prefetch { get; set; } = 1;

    /// <summary>Longest text-to-image call before the stage is declared hung and restarted.</summary>
    [Positive(Max = "1h")]
    public TimeSpan ImageTimeout { get; set; } = TimeSpan.FromSeconds(20);

    [Positive(Max = "1h")]
    public TimeSpan MaskTimeout { get; set; } = TimeSpan.FromSeconds(10);

    [Positive(Max = "1h")]
    public TimeSpan TrellisTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>Clean write, normalisation and the self-validation gate together.</summary>
    [Positive(Max = "1h")]
    public TimeSpan PlyWriteTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Retries of a task after a stage crashed, hung or returned garbage.</summary>
    [NotNegative(Max = "100")]
    public int FailureRetries { get; set; } = 1;

    /// <summary>Regenerations with a new seed when the gate says Retry.</summary>
    [NotNegative(Max = "100")]
    public int GateRetries { get; set; } = 1;

    /// <summary>A retry is only started while at least this much time is left before the task's deadline.</summary>
    [NotNegative(Max = "1h")]
    public TimeSpan MinTimeLeftForRetry { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Delay before a failed stage is re-created; doubles with each consecutive failure of that stage.</summary>
    [NotNegative(Max = "1h")]
    public TimeSpan BackoffMin { get; set; } = TimeSpan.FromSeconds(1);

    [Positive(Max = "1d")]
    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Consecutive stage failures (across tasks) after which the card is reported unhealthy.</summary>
    [Between(1, 1000)]
    public int UnhealthyAfterFailures { get; set; } = 3;

    /// <summary>How often an unhealthy card runs the mask and image-to-3D backends on a built-in image.</summary>
    [Positive(Max = "1d")]
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An image-to-3D result with more than this share of non-finite positions is garbage.</summary>
    [Between(0, 1)]
    public double MaxNonFiniteShare { get; set; } = 0.5;

    /// <summary>The cards and their backend services (<c>gpus = [ {...} ]</c>); empty on a machine with no configured card.</summary>
    public List<GpuCardOptions> Gpus { get; set; } = [];

    /// <summary>The subnet's validation service as a gate after our own checks; off while its url is empty.</summary>
    public SelfScoringSettings SelfScoring { get; set; } = new();

    /// <summary>Throws listing every setting that cannot work (keys as written in HOCON).</summary>
    public void Validate() => SettingRules.ThrowIfInvalid(this, "miner.generation");

    /// <summary>
    /// The combinations that cannot work, by key under <c>miner.generation</c>; each value's own range is on its
    /// property, and each card checks its own services (<see cref="GpuCardOptions.Problems"/>).
    /// </summary>
    public IEnumerable<(string Key, string Problem)> Problems()
    {
        if (BackoffMin > BackoffMax)
            yield return ("backoff-min", $"must be between 0 and backoff-max ({SettingScalar.Format(BackoffMax)}), not {SettingScalar.Format(BackoffMin)}");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Gpus.Count; i++)
            if (!names.Add(Gpus[i].NameFor(i))) yield return ($"gpus.{i}.name", $"'{Gpus[i].NameFor(i)}' names two cards");
        if (SelfScoring.Enabled && SelfScoring.Timeout >= PlyWriteTimeout)
            yield return ("self-scoring.timeout", $"{SettingScalar.Format(SelfScoring.Timeout)} leaves no room for the gate within ply-write-timeout " +
                $"({SettingScalar.Format(PlyWriteTimeout)}); raise ply-write-timeout or lower this");
    }

    /// <summary>min(max, min·2ⁿ) for the n-th consecutive failure of a stage (n from 0).</summary>
    public TimeSpan BackoffFor(int consecutiveFailures)
    {
        var exponential = BackoffMin.TotalMilliseconds * Math.Pow(2, Math.Clamp(consecutiveFailures, 0, 62));
        return TimeSpan.FromMilliseconds(Math.Min(BackoffMax.TotalMilliseconds, exponential));
    }
}
