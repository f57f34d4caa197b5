namespace Miner.Actors.Mining;

/// <summary>
/// Validators never pulled from (HOCON <c>miner.mining.blacklist { }</c>): fixed by configuration, or by rules that
/// expire. Rule with hysteresis: no accepted result in the last <see cref="NoAcceptWindow"/> scored submissions
/// blacklists for <see cref="Period"/>; after it expires the validator is on probation, where only
/// <see cref="ProbationWindow"/> scored submissions without an accept bring it back for twice the previous period
/// (up to <see cref="MaxPeriod"/>); one accepted result ends probation.
/// </summary>
public sealed class BlacklistOptions
{
    /// <summary>Uids never pulled from (the seed miner skipped 180 and 212).</summary>
    public List<int> Uids { get; set; } = [];

    /// <summary>Hotkeys (SS58) never pulled from.</summary>
    public List<string> Hotkeys { get; set; } = [];

    /// <summary>Scored (non-empty) submissions without an accept that blacklist a validator; 0 disables the rule.</summary>
    public int NoAcceptWindow { get; set; } = 10;

    /// <summary>The shorter window that applies on probation after a blacklisting expired.</summary>
    public int ProbationWindow { get; set; } = 3;

    /// <summary>Consecutive transport failures (pulls or submissions) that blacklist a validator; 0 disables the rule.</summary>
    public int TransportFailures { get; set; } = 6;

    /// <summary>First blacklisting period of a rule.</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Longest period a repeated blacklisting can reach.</summary>
    public TimeSpan MaxPeriod { get; set; } = TimeSpan.FromHours(24);

    public void Validate()
    {
        if (NoAcceptWindow < 0) throw new ArgumentException("miner.mining.blacklist.no-accept-window must not be negative");
        if (ProbationWindow < 1) throw new ArgumentException("miner.mining.blacklist.probation-window must be at least 1");
        if (TransportFailures < 0) throw new ArgumentException("miner.mining.blacklist.transport-failures must not be negative");
        if (Period <= TimeSpan.Zero) throw new ArgumentException("miner.mining.blacklist.period must be positive");
        if (MaxPeriod < Period) throw new ArgumentException("miner.mining.blacklist.max-period must be at least period");
    }
}
