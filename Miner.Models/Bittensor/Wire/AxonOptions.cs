using System.Net;
using Miner.Models.Configuration.Rules;

namespace Miner.Models.Bittensor.Wire;

/// <summary>How an axon serves synapses (HOCON <c>axon { }</c>); the devnet validator hosts one.</summary>
public sealed class AxonOptions : IValidatedOptions
{
    /// <summary>Address to listen on; loopback unless the axon must be reachable from other hosts.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>bittensor's default axon port; 0 picks a free one.</summary>
    [Between(0, 65535)]
    public int Port { get; set; } = 8091;

    /// <summary>Largest request body accepted (413 above it); a submission is the SPZ as base64.</summary>
    [Between(4096, 1_073_741_824)]
    public int MaxRequestBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>How old a first nonce may be beyond the call's timeout (bittensor's ALLOWED_DELTA, 4 s).</summary>
    [NotNegative(Max = "1h")]
    public TimeSpan NonceAllowedDelta { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// bittensor 9.9 skips the signature check when the signature header is empty; true refuses such requests.
    /// </summary>
    public bool RequireSignature { get; set; }

    /// <summary>(hotkey, uuid) pairs whose last nonce is remembered; when full, the older half is forgotten.</summary>
    [Between(2, 100_000_000)]
    public int MaxTrackedNonces { get; set; } = 100_000;

    /// <summary>Throws ArgumentException naming each setting that cannot work.</summary>
    public void Validate() => SettingRules.ThrowIfInvalid(this, "axon");

    public IEnumerable<(string Key, string Problem)> Problems()
    {
        if (!IPAddress.TryParse(Host, out _)) yield return ("host", $"'{Host}' is not an IP address");
    }
}
