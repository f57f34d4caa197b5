using Miner.Models.Configuration;
using Miner.Models.Validation;

namespace Miner.Actors.Generation;

/// <summary>
/// The subnet's validation service as a gate after our own checks (HOCON <c>miner.generation.self-scoring</c>);
/// off while <see cref="Url"/> is empty.
/// </summary>
public sealed class SelfScoringSettings
{
    /// <summary>Base URL of the validation service (<c>validation/</c> of three-gen-subnet); empty = no self-scoring.</summary>
    public string Url { get; set; } = "";

    /// <summary>Longest scoring call; must fit within <c>ply-write-timeout</c> with the gate's own render.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan HealthTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public ByteSize MaxResponse { get; set; } = new(1L << 20);

    /// <summary>The validators' pass mark: a result under it costs a 600 s cooldown.</summary>
    public double Threshold { get; set; } = 0.6;

    /// <summary>Predicted scores under threshold + margin are retried with another seed, then declined.</summary>
    public double Margin { get; set; } = 0.05;

    /// <summary>Service down or answering garbage: on submits on our own checks (labelled as a fallback), off retries then declines.</summary>
    public bool SubmitWhenUnavailable { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);

    public SelfScoringOptions ToGateOptions() => new() { Threshold = Threshold, Margin = Margin, SubmitWhenUnavailable = SubmitWhenUnavailable };

    public IEnumerable<(string Key, string Problem)> Problems(TimeSpan plyWriteTimeout)
    {
        if (Enabled && !BackendServiceOptions.IsHttpUrl(Url)) yield return ("url", $"'{Url}' is not an absolute http(s) URL");
        if (Timeout <= TimeSpan.Zero) yield return ("timeout", $"must be positive, not {Timeout}");
        else if (Enabled && Timeout >= plyWriteTimeout)
            yield return ("timeout", $"{Timeout} leaves no room for the gate within ply-write-timeout ({plyWriteTimeout}); raise ply-write-timeout or lower this");
        if (HealthTimeout <= TimeSpan.Zero) yield return ("health-timeout", $"must be positive, not {HealthTimeout}");
        if (MaxResponse.Bytes <= 0) yield return ("max-response", $"must be positive, not {MaxResponse}");
        if (!double.IsFinite(Threshold) || Threshold is < 0 or > 1) yield return ("threshold", $"must be within 0..1, not {Threshold}");
        if (!double.IsFinite(Margin) || Margin is < -1 or > 1) yield return ("margin", $"must be within -1..1, not {Margin}");
    }
}
