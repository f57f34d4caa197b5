namespace Miner.Actors.Generation;

/// <summary>
/// Settings of a GPU card's generation actor and its stages (HOCON <c>miner.generation</c>). Clean writing and
/// normalisation are the splat engine's (<c>miner.splats</c>) and are passed in separately.
/// </summary>
public sealed class GenerationOptions
{
    /// <summary>Tasks held in the queue beyond the one running; the actor asks for 1 + prefetch when idle.</summary>
    public int Prefetch { get; set; } = 1;

    /// <summary>Longest text-to-image call before the stage is declared hung and restarted.</summary>
    public TimeSpan ImageTimeout { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan MaskTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan TrellisTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>Clean write, normalisation and the self-validation gate together.</summary>
    public TimeSpan PlyWriteTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Retries of a task after a stage crashed, hung or returned garbage.</summary>
    public int FailureRetries { get; set; } = 1;

    /// <summary>Regenerations with a new seed when the gate says Retry.</summary>
    public int GateRetries { get; set; } = 1;

    /// <summary>A retry is only started while at least this much time is left before the task's deadline.</summary>
    public TimeSpan MinTimeLeftForRetry { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Delay before a failed stage is re-created; doubles with each consecutive failure of that stage.</summary>
    public TimeSpan BackoffMin { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Consecutive stage failures (across tasks) after which the card is reported unhealthy.</summary>
    public int UnhealthyAfterFailures { get; set; } = 3;

    /// <summary>How often an unhealthy card runs the mask and image-to-3D backends on a built-in image.</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An image-to-3D result with more than this share of non-finite positions is garbage.</summary>
    public double MaxNonFiniteShare { get; set; } = 0.5;

    /// <summary>The cards and their backend services (<c>gpus = [ {...} ]</c>); empty on a machine with no configured card.</summary>
    public List<GpuCardOptions> Gpus { get; set; } = [];

    /// <summary>The subnet's validation service as a gate after our own checks; off while its url is empty.</summary>
    public SelfScoringSettings SelfScoring { get; set; } = new();

    /// <summary>Throws listing every setting that cannot work (keys as written in HOCON).</summary>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
            throw new ArgumentException("invalid generation settings: " + string.Join("; ", problems.Select(p => $"{p.Key}: {p.Problem}")));
    }

    /// <summary>Each setting that cannot work, by its HOCON key under <c>miner.generation</c>, and why.</summary>
    public IReadOnlyList<(string Key, string Problem)> Problems()
    {
        var problems = new List<(string, string)>();
        if (Prefetch < 0) problems.Add(("prefetch", $"must be 0 or more, not {Prefetch}"));
        if (FailureRetries < 0) problems.Add(("failure-retries", $"must be 0 or more, not {FailureRetries}"));
        if (GateRetries < 0) problems.Add(("gate-retries", $"must be 0 or more, not {GateRetries}"));
        if (UnhealthyAfterFailures < 1) problems.Add(("unhealthy-after-failures", $"must be 1 or more, not {UnhealthyAfterFailures}"));
        foreach (var (key, value) in new[]
                 {
                     ("image-timeout", ImageTimeout), ("mask-timeout", MaskTimeout), ("trellis-timeout", TrellisTimeout),
                     ("ply-write-timeout", PlyWriteTimeout), ("probe-interval", ProbeInterval), ("backoff-max", BackoffMax),
                 })
            if (value <= TimeSpan.Zero) problems.Add((key, $"must be positive, not {value}"));
        if (BackoffMin < TimeSpan.Zero || BackoffMin > BackoffMax) problems.Add(("backoff-min", $"must be between 0 and backoff-max, not {BackoffMin}"));
        if (!(MaxNonFiniteShare >= 0 && MaxNonFiniteShare <= 1)) problems.Add(("max-non-finite-share", $"must be in [0, 1], not {MaxNonFiniteShare}"));
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Gpus.Count; i++)
        {
            foreach (var (key, problem) in Gpus[i].Problems()) problems.Add(($"gpus.{i}.{key}", problem));
            if (!names.Add(Gpus[i].NameFor(i))) problems.Add(($"gpus.{i}.name", $"'{Gpus[i].NameFor(i)}' names two cards"));
        }
        foreach (var (key, problem) in SelfScoring.Problems(PlyWriteTimeout)) problems.Add(($"self-scoring.{key}", problem));
        return problems;
    }

    /// <summary>min(max, min·2ⁿ) for the n-th consecutive failure of a stage (n from 0).</summary>
    public TimeSpan BackoffFor(int consecutiveFailures)
    {
        var exponential = BackoffMin.TotalMilliseconds * Math.Pow(2, Math.Clamp(consecutiveFailures, 0, 62));
        return TimeSpan.FromMilliseconds(Math.Min(BackoffMax.TotalMilliseconds, exponential));
    }
}
