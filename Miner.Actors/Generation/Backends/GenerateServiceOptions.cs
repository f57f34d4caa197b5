namespace Miner.Actors.Generation;

/// <summary>
/// The monolithic layout (HOCON <c>gpus[n].generate</c>): one or more subnet-style generation services
/// (<c>POST /generate/</c>) that do a card's whole prompt-to-3D step, used in turn; our PLY-write stage still
/// cleans, normalises and gates their output.
/// </summary>
public sealed class GenerateServiceOptions : BackendServiceOptions
{
    /// <summary>Several endpoints on one card, used in turn; <see cref="BackendServiceOptions.Url"/> counts as one more.</summary>
    public List<string> Urls { get; set; } = [];

    /// <summary>Every endpoint, <c>url</c> first.</summary>
    public IReadOnlyList<string> Endpoints =>
        [.. (string.IsNullOrWhiteSpace(Url) ? Array.Empty<string>() : [Url]).Concat(Urls.Where(u => !string.IsNullOrWhiteSpace(u)))];

    public override IEnumerable<(string Key, string Problem)> Problems(bool fallbackAvailable)
    {
        if (CpuFallback) yield return ("cpu-fallback", "a generate endpoint has no CPU fallback");
        if (Endpoints.Count == 0) yield return ("urls", "missing: give url or urls (the /generate/ services of this card)");
        for (var i = 0; i < Urls.Count; i++)
            if (!IsHttpUrl(Urls[i])) yield return ($"urls.{i}", $"'{Urls[i]}' is not an absolute http(s) URL");
        if (!string.IsNullOrWhiteSpace(Url) && !IsHttpUrl(Url)) yield return ("url", $"'{Url}' is not an absolute http(s) URL");
        if (Process is { } process)
            foreach (var (key, problem) in process.Problems(Endpoints.Count > 0)) yield return ("process." + key, problem);
    }
}
