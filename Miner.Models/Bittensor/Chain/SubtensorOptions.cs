using Miner.Models.Configuration.Rules;

namespace Miner.Models.Bittensor.Chain;

/// <summary>
/// How to reach a subtensor node (HOCON <c>subtensor { }</c>). Defaults follow bittensor 9.9 where it has one
/// (finney, 60 s per request) and are conservative elsewhere.
/// </summary>
public sealed class SubtensorOptions : IValidatedOptions
{
    /// <summary>finney, test, archive, local, subvortex, latent-lite, or anything else = an endpoint URL.</summary>
    public string Network { get; set; } = "finney";

    /// <summary>A ws:// or wss:// URL; when set it wins over <see cref="Network"/>.</summary>
    public string? ChainEndpoint { get; set; }

    [Positive(Max = "10m")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long one request waits for its reply.</summary>
    [Positive(Max = "1h")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Tries per request when the connection drops under it (reads are safe to repeat).</summary>
    [Between(1, 100)]
    public int MaxRequestAttempts { get; set; } = 3;

    /// <summary>Connection attempts before a call gives up on an unreachable node.</summary>
    [Between(1, 100)]
    public int MaxConnectAttempts { get; set; } = 5;

    [NotNegative(Max = "1h")]
    public TimeSpan ReconnectInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    [NotNegative(Max = "1d")]
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest JSON message accepted; a 1024-uid subnet state is about 450 kB.</summary>
    [Between(1024, 1_073_741_824)]
    public int MaxResponseBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>WebSocket keep-alive pings; 0s sends none.</summary>
    [NotNegative(Max = "1h")]
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

    /// <summary>Throws ArgumentException naming each setting that cannot work.</summary>
    public void Validate() => SettingRules.ThrowIfInvalid(this, "subtensor");

    public IEnumerable<(string Key, string Problem)> Problems()
    {
        if (ReconnectMaxDelay < ReconnectInitialDelay)
            yield return ("reconnect-max-delay", $"{Format(ReconnectMaxDelay)} is shorter than reconnect-initial-delay ({Format(ReconnectInitialDelay)})");
        string? endpoint = null;
        try
        {
            SubtensorEndpoint.Resolve(Network, ChainEndpoint);
        }
        catch (ArgumentException error)
        {
            endpoint = error.Message;
        }
        if (endpoint is not null) yield return (string.IsNullOrWhiteSpace(ChainEndpoint) ? "network" : "chain-endpoint", endpoint);
    }

    private static string Format(TimeSpan value) => SettingScalar.Format(value);
}
