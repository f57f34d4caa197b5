using Miner.Actors.Mining.Edge;
using Miner.Models.Protocol;

namespace Miner.Actors.Mining.Simulation;

/// <summary>
/// One validator's bookkeeping for one miner, as the subnet's <c>pull_task</c>/<c>submit_results</c> handlers and
/// <c>MinerData.reset_task</c> do it (bittensor-wire.md §3.6–3.8): cooldown after a submission
/// <c>int(max(now + cooldown − throttle, assigned + cooldown))</c>, one assigned task handed out again on every pull
/// until submitted, violations counted for pulls during a cooldown (10 s more each past 100), 600 s more for a result
/// under the threshold, nothing more for an empty result. Not modelled: the validation lock and the resubmit guard
/// (they cannot trigger when the miner respects cooldowns), signatures and unknown hotkeys. Time is given, never read.
/// </summary>
public sealed class ValidatorRules(string hotkey, ValidatorRuleSettings? settings = null)
{
    private readonly ValidatorRuleSettings _settings = settings ?? new ValidatorRuleSettings();
    private long _taskSequence;

    public string Hotkey { get; } = hotkey;
    public ProtocolTask? Assigned { get; private set; }
    public double? AssignmentTime { get; private set; }
    public long CooldownUntil { get; private set; }
    public long Violations { get; private set; }

    public int Pulls { get; private set; }
    public int TasksHandedOut { get; private set; }
    public long TotalViolations { get; private set; }
    public int Penalties { get; private set; }
    public int Accepted { get; private set; }
    public int Failed { get; private set; }
    public int Declined { get; private set; }
    public int FeedbackOnly { get; private set; }
    public int RefusedSubmissions { get; private set; }

    /// <summary>Every task id this validator handed out, with how many submissions reset it (should end at 1 each).</summary>
    public Dictionary<string, int> SettledCount { get; } = new(StringComparer.Ordinal);

    public PullReply Pull(DateTimeOffset now)
    {
        Pulls++;
        var t = Seconds(now);
        if (CooldownUntil != 0 && t < CooldownUntil)
        {
            Violations++;
            TotalViolations++;
            if (Violations > _settings.CooldownViolationsThreshold) CooldownUntil += _settings.CooldownViolationPenaltySeconds;
            return PullReply.OnCooldown(DateTimeOffset.FromUnixTimeSeconds(CooldownUntil), Violations);
        }
        if (Assigned is { } same) return PullReply.WithTask(same);
        var id = $"{Hotkey[..Math.Min(8, Hotkey.Length)]}-{++_taskSequence}";
        Assigned = ProtocolTask.Text(id, $"prompt {_taskSequence}");
        AssignmentTime = t;
        TasksHandedOut++;
        SettledCount[id] = 0;
        return PullReply.WithTask(Assigned);
    }

    /// <summary>
    /// A submission: <paramref name="empty"/> declines; otherwise <paramref name="score"/> is what validation gives.
    /// </summary>
    public SubmitReply Submit(DateTimeOffset now, string taskId, bool empty, double score)
    {
        var t = Seconds(now);
        if (Assigned is null)
        {
            RefusedSubmissions++;
            return SubmitReply.Refused("Forbidden. Key is blacklisted: submitted results while having no task assigned.");
        }
        if (taskId != Assigned.Id)
        {
            FeedbackOnly++;
            return SubmitReply.Answered(Feedback(0), CooldownUntil == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(CooldownUntil));
        }
        Violations = Math.Max(0, Violations - 1);
        double fidelity = 0;
        if (empty)
        {
            Declined++;
            Reset(t, _settings.TaskCooldownSeconds);
        }
        else if (score < _settings.QualityThreshold)
        {
            Failed++;
            Penalties++;
            Reset(t, _settings.TaskCooldownSeconds + _settings.CooldownPenaltySeconds);
        }
        else
        {
            Accepted++;
            fidelity = Math.Min(1, score);
            Reset(t, _settings.TaskCooldownSeconds);
        }
        SettledCount[taskId] = SettledCount.GetValueOrDefault(taskId) + 1;
        return SubmitReply.Answered(Feedback(fidelity), DateTimeOffset.FromUnixTimeSeconds(CooldownUntil));
    }

    private Feedback Feedback(double fidelity) => new()
    {
        TaskFidelityScore = fidelity,
        AverageFidelityScore = 1.0,
        GenerationsWithinTheWindow = Accepted,
        CurrentDuelRating = 1500,
        CurrentMinerReward = Accepted * 1500.0,
    };

    private void Reset(double now, double cooldown)
    {
        CooldownUntil = AssignmentTime is { } assigned
            ? (long)Math.Floor(Math.Max(now + cooldown - _settings.ThrottlePeriodSeconds, assigned + cooldown))
            : (long)Math.Floor(now) + (long)cooldown;
        Assigned = null;
        AssignmentTime = null;
    }

    private static double Seconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;
}
