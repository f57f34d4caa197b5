using System.Net;

namespace Miner.Models.Bittensor.Wire;

/// <summary>How an axon serves synapses (HOCON <c>axon { }</c>); the devnet validator hosts one.</summary>
public sealed class AxonOptions
{
    /// <summary>Address to listen on; loopback unless the axon must be reachable from other hosts.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>bittensor's default axon port; 0 picks a free one.</summary>
    public int Port { get; set; } = 8091;

    /// <summary>Largest request body accepted (413 above it); a submission is the SPZ as base64.</summary>
    public int MaxRequestBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>How old a first nonce may be beyond the call's timeout (bittensor's ALLOWED_DELTA, 4 s).</summary>
    public TimeSpan NonceAllowedDelta { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// bittensor 9.9 skips the signature check when the signature header is empty; true refuses such requests.
    /// </summary>
    public bool RequireSignature { get; set; }

    /// <summary>(hotkey, uuid) pairs whose last nonce is remembered; when full, the older half is forgotten.</summary>
    public int MaxTrackedNonces { get; set; } = 100_000;

    /// <summary>Throws ArgumentException naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (!IPAddress.TryParse(Host, out _)) throw new ArgumentException("axon.host must be an IP address");
        if (Port is < 0 or > ushort.MaxValue) throw new ArgumentException("axon.port must be between 0 and 65535");
        if (MaxRequestBytes < 4096) throw new ArgumentException("axon.max-request-bytes must be at least 4096");
        if (NonceAllowedDelta < TimeSpan.Zero) throw new ArgumentException("axon.nonce-allowed-delta must not be negative");
        if (MaxTrackedNonces < 2) throw new ArgumentException("axon.max-tracked-nonces must be at least 2");
    }
}
