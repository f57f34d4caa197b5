using Miner.Models.Configuration.Rules;

namespace Miner.Host.Devnet;

/// <summary>
/// The local devnet (HOCON <c>devnet { }</c> in <c>hocon/devnet.conf</c>): how many validators, where they listen,
/// their rules and behaviours, the tasks they hand out and how they score.
/// </summary>
public sealed class DevnetOptions : IValidatedOptions
{
    /// <summary>Where the defaults ship beside the executable.</summary>
    public static string DefaultsPath => Path.Combine(AppContext.BaseDirectory, "hocon", "devnet.conf");

    public ushort Netuid { get; set; } = 17;

    [Between(1, 64)]
    public int Validators { get; set; } = 4;

    /// <summary>Seeds the validators' dev hotkeys, the task stream and the flaky errors: one seed, one run.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Loopback address the validators listen on.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Validator i listens on base-port + i; 0 takes free ports.</summary>
    [Between(0, 65535)]
    public int BasePort { get; set; }

    /// <summary>Where the devnet metagraph JSON is written (relative to the working directory).</summary>
    public string MetagraphFile { get; set; } = "devnet/metagraph.json";

    /// <summary>Stake S of every devnet validator, in TAO (the miner's eligibility needs >= 1000).</summary>
    [NotNegative(Max = "21000000")] // TAO's total supply
    public double ValidatorStakeTao { get; set; } = 10_000;

    public DevnetRuleOptions Rules { get; set; } = new();

    public List<DevnetBehaviourOptions> Behaviours { get; set; } = [];

    public DevnetTaskOptions Tasks { get; set; } = new();

    public DevnetScoringOptions Scoring { get; set; } = new();

    public DevnetMinerOptions Miner { get; set; } = new();

    /// <summary>Throws ArgumentException naming each setting that cannot work.</summary>
    public void Validate() => SettingRules.ThrowIfInvalid(this, "devnet");

    public IEnumerable<(string Key, string Problem)> Problems()
    {
        if (!System.Net.IPAddress.TryParse(Host, out var address) || !System.Net.IPAddress.IsLoopback(address))
            yield return ("host", $"'{Host}' is not a loopback address: the devnet is local only");
        if (BasePort > 0 && BasePort + Validators - 1 > ushort.MaxValue)
            yield return ("base-port", $"{BasePort} leaves no room for {Validators} validators below port 65535");
        if (string.IsNullOrWhiteSpace(MetagraphFile)) yield return ("metagraph-file", "missing: the file the miner reads the devnet's metagraph from");
        var seen = new HashSet<int>();
        for (var i = 0; i < Behaviours.Count; i++)
            if (!seen.Add(Behaviours[i].Uid)) yield return ($"behaviours.{i}.uid", $"uid {Behaviours[i].Uid} has two entries");
    }

    /// <summary>Validator <paramref name="uid"/>'s behaviour entry (a default one when none is configured).</summary>
    public DevnetBehaviourOptions BehaviourOf(int uid) => Behaviours.FirstOrDefault(b => b.Uid == uid) ?? new DevnetBehaviourOptions { Uid = uid };

    /// <summary>The rules validator <paramref name="uid"/> applies: the shared ones with its overrides.</summary>
    public DevnetRuleOptions RulesOf(int uid)
    {
        var behaviour = BehaviourOf(uid);
        return new DevnetRuleOptions
        {
            TaskCooldown = behaviour.TaskCooldown ?? Rules.TaskCooldown,
            ThrottlePeriod = behaviour.ThrottlePeriod ?? Rules.ThrottlePeriod,
            CooldownPenalty = Rules.CooldownPenalty,
            QualityThreshold = Rules.QualityThreshold,
            CooldownViolationPenalty = Rules.CooldownViolationPenalty,
            CooldownViolationsThreshold = Rules.CooldownViolationsThreshold,
            ValidationLock = Rules.ValidationLock,
            MovingAverageAlpha = Rules.MovingAverageAlpha,
            UnknownHotkeyCooldown = Rules.UnknownHotkeyCooldown,
            RewardWindow = Rules.RewardWindow,
            DuelRating = Rules.DuelRating,
        };
    }
}
