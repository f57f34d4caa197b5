using Miner.Models.Configuration.Rules;
using Miner.Models.Configuration;

namespace Miner.Actors.Generation;

/// <summary>
/// One model service of a card (HOCON <c>miner.generation.gpus[n].&lt;stage&gt;</c>): the URL the client calls, or the
/// CPU fallback where the stage has one, and optionally a worker process the card starts and keeps alive.
/// </summary>
public class BackendServiceOptions
{
    /// <summary>Base URL of the service (http or https); the stage's path is appended (e.g. <c>/image-to-3d</c>).</summary>
    public string Url { get; set; } = "";

    /// <summary>Use the built-in CPU stand-in instead of a service; logged and shown as a fallback.</summary>
    public bool CpuFallback { get; set; }

    /// <summary>Whole-call HTTP limit; absent, the stage's timeout under <c>miner.generation</c> applies.</summary>
    [Positive(Max = "1h")]
    public TimeSpan? Timeout { get; set; }

    [Positive(Max = "10m")]
    public TimeSpan HealthTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Larger answers are refused (by Content-Length up front, else while streaming).</summary>
    [Positive(Max = "2GiB")] // the answer is read into memory
    public ByteSize MaxResponse { get; set; } = new(512L << 20);

    /// <summary>A worker the card launches itself with CUDA_VISIBLE_DEVICES set to the card's device.</summary>
    public WorkerProcessSettings? Process { get; set; }

    /// <summary>
    /// Each problem with how this service is reached, keyed relative to this entry (e.g. <c>url</c>); whether a
    /// CPU fallback exists depends on the stage, so the card asks. Ranges are on the properties.
    /// </summary>
    public virtual IEnumerable<(string Key, string Problem)> Problems(bool fallbackAvailable)
    {
        var hasUrl = !string.IsNullOrWhiteSpace(Url);
        if (CpuFallback && !fallbackAvailable) yield return ("cpu-fallback", "this stage has no CPU fallback");
        if (CpuFallback && hasUrl) yield return ("cpu-fallback", "give either url or cpu-fallback = on, not both");
        if (CpuFallback && Process is not null) yield return ("process", "a CPU fallback runs in the miner and needs no process");
        if (!CpuFallback && !hasUrl) yield return ("url", fallbackAvailable ? "missing: give the service's URL, or cpu-fallback = on" : "missing: give the service's URL");
        if (hasUrl && !IsHttpUrl(Url)) yield return ("url", $"'{Url}' is not an absolute http(s) URL");
        if (Process is { } process)
            foreach (var (key, problem) in process.Problems(hasUrl)) yield return ("process." + key, problem);
    }

    internal static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
