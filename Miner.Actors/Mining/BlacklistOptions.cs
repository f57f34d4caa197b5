using Miner.Models.Configuration.Rules;

namespace Miner.Actors.Mining;

/// <summary>
/// Validators never pulled from (HOCON <c>miner.mining.blacklist { }</c>): fixed by configuration, or by rules that
/// expire. Rule with hysteresis: no accepted result in the last <see cref="NoAcceptWindow"/> scored submissions
/// blacklists for <see cref="Period"/>; after it expires the validator is on probation, where only
/// <see cref="ProbationWindow"/> scored submissions without an accept bring it back for twice the previous period
/// (up to <see cref="MaxPeriod"/>); one accepted result ends probation.
/// </summary>
public sealed class BlacklistOptions : IValidatedOptions
{
    /// <summary>Uids never pulled from (the seed miner skipped 180 and 212).</summary>
    [Between(0, 65535)]
    public List<int> Uids { get; set; } = [];

    /// <summary>Hotkeys (SS58) never pulled from.</summary>
    public List<string> Hotkeys { get; set; } = [];

    /// <summary>Scored (non-empty) submissions without an accept that blacklist a validator; 0 disables the rule.</summary>
    [NotNegative(Max = "1000")]
    public int NoAcceptWindow { get; set; } = 10;

    /// <summary>The shorter window that applies on probation after a blacklisting expired.</summary>
    [Between(1, 1000)]
    public int ProbationWindow { get; set; } = 3;

    /// <summary>Consecutive transport failures (pulls or submissions) that blacklist a validator; 0 disables the rule.</summary>
    [NotNegative(Max = "1000")]
    public int TransportFailures { get; set; } = 6;

    /// <summary>First blacklisting period of a rule.</summary>
    [Positive(Max = "30d")]
    public TimeSpan Period { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Longest period a repeated blacklisting can reach.</summary>
    [Positive(Max = "30d")]
    public TimeSpan MaxPeriod { get; set; } = TimeSpan.FromHours(24);

    public IEnumerable<(string Key, string Problem)> Problems()
    {
        if (MaxPeriod < Period) yield return ("max-period", $"{SettingScalar.Format(MaxPeriod)} is shorter than period ({SettingScalar.Format(Period)})");
    }
}
