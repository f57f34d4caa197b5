namespace Miner.Models.Bittensor.Wire;

/// <summary>How the miner calls validators (HOCON <c>miner.dendrite { }</c>). Timeouts are the subnet miner's.</summary>
public sealed class DendriteOptions
{
    public TimeSpan PullTimeout { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>Validation happens inside the call, so a submission may take minutes to answer.</summary>
    public TimeSpan SubmitTimeout { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>Also used for the base-synapse ping; bittensor's default call timeout.</summary>
    public TimeSpan GetVersionTimeout { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>Largest response body read; an image task's prompt is a base64 PNG of a few MiB.</summary>
    public int MaxResponseBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// The miner's public IP as sent in <c>bt_header_dendrite_ip</c>. Axons overwrite it with the TCP peer address,
    /// so it is informational; when a target has this address the request goes to 0.0.0.0 as bittensor's does.
    /// </summary>
    public string ExternalIp { get; set; } = "0.0.0.0";

    /// <summary>Throws ArgumentException naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (PullTimeout <= TimeSpan.Zero) throw new ArgumentException("miner.dendrite.pull-timeout must be positive");
        if (SubmitTimeout <= TimeSpan.Zero) throw new ArgumentException("miner.dendrite.submit-timeout must be positive");
        if (GetVersionTimeout <= TimeSpan.Zero) throw new ArgumentException("miner.dendrite.get-version-timeout must be positive");
        if (MaxResponseBytes < 4096) throw new ArgumentException("miner.dendrite.max-response-bytes must be at least 4096");
        if (!System.Net.IPAddress.TryParse(ExternalIp, out _)) throw new ArgumentException("miner.dendrite.external-ip must be an IP address");
    }
}
