namespace Miner.Models.Protocol;

/// <summary>
/// bittensor's <c>TerminalInfo</c>: one end of a call (the dendrite that sends it or the axon that serves it).
/// Every field is optional; the body always carries all ten keys, with null for what is unset.
/// </summary>
public sealed record TerminalInfo
{
    public static TerminalInfo Empty { get; } = new();

    public int? StatusCode { get; init; }
    public string? StatusMessage { get; init; }

    /// <summary>Seconds the axon spent on the call.</summary>
    public double? ProcessTime { get; init; }

    public string? Ip { get; init; }
    public int? Port { get; init; }

    /// <summary>SDK version as an integer: 9.9.0 is 9009000.</summary>
    public long? Version { get; init; }

    /// <summary>Unix time in nanoseconds when the request was signed.</summary>
    public long? Nonce { get; init; }

    public string? Uuid { get; init; }

    /// <summary>SS58 address of this end's hotkey.</summary>
    public string? Hotkey { get; init; }

    /// <summary><c>0x</c> + lower-case hex of the 64-byte sr25519 signature.</summary>
    public string? Signature { get; init; }
}
