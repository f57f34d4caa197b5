namespace Miner.Host.Devnet;

/// <summary>
/// How one devnet validator misbehaves or differs from the rest (HOCON <c>devnet.behaviours = [ { uid = 3, ... } ]</c>).
/// Unset rule values fall back to <c>devnet.rules</c>.
/// </summary>
public sealed class DevnetBehaviourOptions
{
    /// <summary>The validator this entry applies to (0 .. validators - 1).</summary>
    public int Uid { get; set; }

    public TimeSpan? TaskCooldown { get; set; }

    public TimeSpan? ThrottlePeriod { get; set; }

    /// <summary>Extra time before every answer (on the network's clock).</summary>
    public TimeSpan ResponseLatency { get; set; } = TimeSpan.Zero;

    /// <summary>Share of requests (0..1) answered with a 500 before any rule runs.</summary>
    public double FlakyErrorRate { get; set; }

    /// <summary>Never answers: every request waits until the caller gives up (its timeout) or the devnet stops.</summary>
    public bool Hanging { get; set; }

    public DevnetAcceptance Acceptance { get; set; } = DevnetAcceptance.Normal;

    public void Validate(int validators)
    {
        if (Uid < 0 || Uid >= validators) throw new ArgumentException($"devnet.behaviours: uid {Uid} is not one of the {validators} validators");
        if (TaskCooldown < TimeSpan.Zero || ThrottlePeriod < TimeSpan.Zero) throw new ArgumentException($"devnet.behaviours[uid {Uid}]: durations must not be negative");
        if (ResponseLatency < TimeSpan.Zero) throw new ArgumentException($"devnet.behaviours[uid {Uid}].response-latency must not be negative");
        if (FlakyErrorRate is < 0 or > 1 || double.IsNaN(FlakyErrorRate)) throw new ArgumentException($"devnet.behaviours[uid {Uid}].flaky-error-rate must lie in 0..1");
    }
}
