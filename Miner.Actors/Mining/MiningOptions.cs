using Miner.Models.Configuration.Rules;

namespace Miner.Actors.Mining;

/// <summary>
/// How the miner schedules validators (HOCON <c>miner.mining { }</c>). The validator set's minimum stake and re-sync
/// interval are <c>miner.metagraph.min-stake-tao</c> and <c>miner.metagraph.sync-interval</c>, not repeated here.
/// </summary>
public sealed class MiningOptions : IValidatedOptions
{
    public const string RoundRobin = "round-robin";
    public const string StakeWeighted = "stake-weighted";

    /// <summary><c>round-robin</c> or <c>stake-weighted</c> (stake × observed acceptance, smooth weighted round robin).</summary>
    [OneOf(RoundRobin, StakeWeighted)]
    public string Policy { get; set; } = StakeWeighted;

    /// <summary>The subnet owner's validator hotkey (the base miner asks it every 5th turn).</summary>
    public string OwnerHotkey { get; set; } = "5E7eSeRr2aHzCV7SkY4a2Pi5NXHrU4anZz3phEQgn4HCen2B";

    /// <summary>Every this-many picks go to the owner's validator when it is available; 0 turns the preference off.</summary>
    [NotNegative(Max = "1000")]
    public int OwnerEvery { get; set; } = 5;

    /// <summary>
    /// How long a poller waits after an empty reply (the base miner's FAILED_VALIDATOR_DELAY), and the longest it waits
    /// after consecutive transport errors (see <see cref="PullRetryDelay"/>).
    /// </summary>
    [Positive(Max = "1d")]
    public TimeSpan PollerBackoff { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>
    /// How long a poller waits after a pull's transport error before it may pull again; it doubles with each further
    /// consecutive transport error, up to <see cref="PollerBackoff"/>. Retrying a failed pull soon is safe: the validator
    /// sets a cooldown only when a submission resets our task, never on a pull, so a pull that got no answer cannot have
    /// put us on a cooldown we do not know; if it reached the validator and assigned a task, the next pull hands back
    /// the same task (whose throttle clock is already running, which is why waiting the full backoff costs a cycle).
    /// </summary>
    [Positive(Max = "1h")]
    public TimeSpan PullRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Added to every known cooldown before pulling again, against clock skew and the validator's integer seconds.</summary>
    [NotNegative(Max = "1h")]
    public TimeSpan CooldownMargin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A task's deadline is pull time + this (the validator's 30 s throttle keeps the 300 s cycle).</summary>
    [Positive(Max = "1h")]
    public TimeSpan TargetTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A GPU that has not reported a task this long after its pull loses it: the router declines it.</summary>
    [Positive(Max = "1d")]
    public TimeSpan GpuResultTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// After a restart, a validator whose submission was sent and never answered is not pulled until this long after
    /// the send: it may have cooled us down for 300 s plus a 600 s penalty, counted from its own clock after validation.
    /// </summary>
    [NotNegative(Max = "7d")]
    public TimeSpan UnansweredSubmissionHold { get; set; } = TimeSpan.FromMinutes(16);

    public BlacklistOptions Blacklist { get; set; } = new();

    public SubmitRetryOptions SubmitRetry { get; set; } = new();

    /// <summary>Throws ArgumentException naming each setting that cannot work.</summary>
    public void Validate() => SettingRules.ThrowIfInvalid(this, "miner.mining");

    public IEnumerable<(string Key, string Problem)> Problems()
    {
        if (GpuResultTimeout <= TargetTime)
            yield return ("gpu-result-timeout", $"{SettingScalar.Format(GpuResultTimeout)} must exceed target-time ({SettingScalar.Format(TargetTime)}): a card would lose every task");
    }
}
