using Miner.Models.Configuration.Rules;

namespace Miner.Host.Devnet;

/// <summary>
/// How one devnet validator misbehaves or differs from the rest (HOCON <c>devnet.behaviours = [ { uid = 3, ... } ]</c>).
/// Unset rule values fall back to <c>devnet.rules</c>.
/// </summary>
public sealed class DevnetBehaviourOptions
{
    /// <summary>The validator this entry applies to (0 .. validators - 1).</summary>
    [Between(0, 63)] // devnet.validators is at most 64; entries beyond this run's validators are dropped
    public int Uid { get; set; }

    [NotNegative(Max = "1d")]
    public TimeSpan? TaskCooldown { get; set; }

    [NotNegative(Max = "1d")]
    public TimeSpan? ThrottlePeriod { get; set; }

    /// <summary>Extra time before every answer (on the network's clock).</summary>
    [NotNegative(Max = "10m")]
    public TimeSpan ResponseLatency { get; set; } = TimeSpan.Zero;

    /// <summary>Share of requests (0..1) answered with a 500 before any rule runs.</summary>
    [Between(0, 1)]
    public double FlakyErrorRate { get; set; }

    /// <summary>Never answers: every request waits until the caller gives up (its timeout) or the devnet stops.</summary>
    public bool Hanging { get; set; }

    public DevnetAcceptance Acceptance { get; set; } = DevnetAcceptance.Normal;
}
