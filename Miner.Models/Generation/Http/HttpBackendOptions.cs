namespace Miner.Models.Generation;

/// <summary>Where an HTTP backend lives and how long and how much of an answer the client accepts.</summary>
public sealed record HttpBackendOptions
{
    public required Uri BaseAddress { get; init; }

    /// <summary>Whole-call limit: connect, send, wait and read the body.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Bodies larger than this are refused (by Content-Length up front, else while streaming).</summary>
    public long MaxResponseBytes { get; init; } = 512L << 20;

    /// <summary>Shown in logs, e.g. "gpu0 trellis".</summary>
    public string? Label { get; init; }

    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(BaseAddress);
        if (!BaseAddress.IsAbsoluteUri || (BaseAddress.Scheme != Uri.UriSchemeHttp && BaseAddress.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"backend address {BaseAddress} must be an absolute http(s) URL", nameof(BaseAddress));
        if (Timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "timeout must be positive");
        if (HealthTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(HealthTimeout), HealthTimeout, "health timeout must be positive");
        if (MaxResponseBytes <= 0) throw new ArgumentOutOfRangeException(nameof(MaxResponseBytes), MaxResponseBytes, "response cap must be positive");
    }
}
