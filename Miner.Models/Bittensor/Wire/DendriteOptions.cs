using Miner.Models.Configuration.Rules;

namespace Miner.Models.Bittensor.Wire;

/// <summary>How the miner calls validators (HOCON <c>miner.dendrite { }</c>). Timeouts are the subnet miner's.</summary>
public sealed class DendriteOptions : IValidatedOptions
{
    [Positive(Max = "10m")]
    public TimeSpan PullTimeout { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>Validation happens inside the call, so a submission may take minutes to answer.</summary>
    [Positive(Max = "1h")]
    public TimeSpan SubmitTimeout { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>Also used for the base-synapse ping; bittensor's default call timeout.</summary>
    [Positive(Max = "10m")]
    public TimeSpan GetVersionTimeout { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>Largest response body read; an image task's prompt is a base64 PNG of a few MiB.</summary>
    [Between(4096, 1_073_741_824)]
    public int MaxResponseBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// The miner's public IP as sent in <c>bt_header_dendrite_ip</c>. Axons overwrite it with the TCP peer address,
    /// so it is informational; when a target has this address the request goes to 0.0.0.0 as bittensor's does.
    /// </summary>
    public string ExternalIp { get; set; } = "0.0.0.0";

    /// <summary>Throws ArgumentException naming each setting that cannot work.</summary>
    public void Validate() => SettingRules.ThrowIfInvalid(this, "miner.dendrite");

    public IEnumerable<(string Key, string Problem)> Problems()
    {
        if (!System.Net.IPAddress.TryParse(ExternalIp, out _)) yield return ("external-ip", $"'{ExternalIp}' is not an IP address");
    }
}
