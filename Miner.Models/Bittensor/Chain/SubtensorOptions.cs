namespace Miner.Models.Bittensor.Chain;

/// <summary>
/// How to reach a subtensor node (HOCON <c>subtensor { }</c>). Defaults follow bittensor 9.9 where it has one
/// (finney, 60 s per request) and are conservative elsewhere.
/// </summary>
public sealed class SubtensorOptions
{
    /// <summary>finney, test, archive, local, subvortex, latent-lite, or anything else = an endpoint URL.</summary>
    public string Network { get; set; } = "finney";

    /// <summary>A ws:// or wss:// URL; when set it wins over <see cref="Network"/>.</summary>
    public string? ChainEndpoint { get; set; }

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long one request waits for its reply.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Tries per request when the connection drops under it (reads are safe to repeat).</summary>
    public int MaxRequestAttempts { get; set; } = 3;

    /// <summary>Connection attempts before a call gives up on an unreachable node.</summary>
    public int MaxConnectAttempts { get; set; } = 5;

    public TimeSpan ReconnectInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest JSON message accepted; a 1024-uid subnet state is about 450 kB.</summary>
    public int MaxResponseBytes { get; set; } = 16 * 1024 * 1024;

    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Decode runtime-API answers in the pre-2025 <c>Vec&lt;u8&gt;</c>-wrapped form (old local chains only).</summary>
    public bool LegacyRuntime { get; set; }

    /// <summary>Delay before retry number <paramref name="failures"/> (1-based): doubles from the initial delay up to the cap.</summary>
    public TimeSpan ReconnectDelay(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        var factor = Math.Pow(2, Math.Min(failures - 1, 30));
        var ticks = Math.Min(ReconnectInitialDelay.Ticks * factor, ReconnectMaxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Throws ArgumentException naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (ConnectTimeout <= TimeSpan.Zero) throw new ArgumentException("subtensor.connect-timeout must be positive");
        if (RequestTimeout <= TimeSpan.Zero) throw new ArgumentException("subtensor.request-timeout must be positive");
        if (MaxRequestAttempts < 1) throw new ArgumentException("subtensor.max-request-attempts must be at least 1");
        if (MaxConnectAttempts < 1) throw new ArgumentException("subtensor.max-connect-attempts must be at least 1");
        if (ReconnectInitialDelay < TimeSpan.Zero || ReconnectMaxDelay < ReconnectInitialDelay)
            throw new ArgumentException("subtensor.reconnect-initial-delay must be >= 0 and <= reconnect-max-delay");
        if (MaxResponseBytes < 1024) throw new ArgumentException("subtensor.max-response-bytes must be at least 1024");
        SubtensorEndpoint.Resolve(Network, ChainEndpoint);
    }
}
