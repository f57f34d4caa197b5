using Miner.Models.Configuration.Rules;

namespace Miner.Host.Devnet;

/// <summary>
/// What `miner devnet` changes in the miner's own settings so a short run shows the scheduler's rules at work
/// (HOCON <c>devnet.miner { }</c>). The mainnet defaults in <c>miner.conf</c> are unchanged.
/// </summary>
public sealed class DevnetMinerOptions
{
    /// <summary>Scored results in a row with none accepted that blacklist a validator (mainnet 10).</summary>
    [Between(1, 1000)]
    public int NoAcceptWindow { get; set; } = 2;

    /// <summary>Wait after a pull's transport error or empty reply (mainnet 300 s, far longer than a devnet cooldown).</summary>
    [Positive(Max = "1d")]
    public TimeSpan PollerBackoff { get; set; } = TimeSpan.FromSeconds(5);
}
