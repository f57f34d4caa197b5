using Miner.Models.Configuration.Rules;
using Miner.Models.Configuration;
using Miner.Models.Validation;

namespace Miner.Actors.Generation;

/// <summary>
/// The subnet's validation service as a gate after our own checks (HOCON <c>miner.generation.self-scoring</c>);
/// off while <see cref="Url"/> is empty.
/// </summary>
public sealed class SelfScoringSettings : IValidatedOptions
{
    /// <summary>Base URL of the validation service (<c>validation/</c> of three-gen-subnet); empty = no self-scoring.</summary>
    public string Url { get; set; } = "";

    /// <summary>Longest scoring call; must fit within <c>ply-write-timeout</c> with the gate's own render.</summary>
    [Positive(Max = "1h")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    [Positive(Max = "10m")]
    public TimeSpan HealthTimeout { get; set; } = TimeSpan.FromSeconds(5);

    [Positive(Max = "2GiB")] // the answer is read into memory
    public ByteSize MaxResponse { get; set; } = new(1L << 20);

    /// <summary>The validators' pass mark: a result under it costs a 600 s cooldown.</summary>
    [Between(0, 1)]
    public double Threshold { get; set; } = 0.6;

    /// <summary>Predicted scores under threshold + margin are retried with another seed, then declined.</summary>
    [Between(-1, 1)]
    public double Margin { get; set; } = 0.05;

    /// <summary>Service down or answering garbage: on submits on our own checks (labelled as a fallback), off retries then declines.</summary>
    public bool SubmitWhenUnavailable { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);

    public SelfScoringOptions ToGateOptions() => new() { Threshold = Threshold, Margin = Margin, SubmitWhenUnavailable = SubmitWhenUnavailable };

    /// <summary>The URL's form; that the timeout fits the PLY stage is checked by <see cref="GenerationOptions"/>.</summary>
    public IEnumerable<(string Key, string Problem)> Problems()
    {
        if (Enabled && !BackendServiceOptions.IsHttpUrl(Url)) yield return ("url", $"'{Url}' is not an absolute http(s) URL");
    }
}
