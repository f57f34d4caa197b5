using Miner.Models.Bittensor.Wire;
using Miner.Models.Protocol;

namespace Miner.Host.Devnet;

/// <summary>
/// The subnet validator's <c>pull_task</c> and <c>submit_results</c> handlers and the submit blacklist
/// (bittensor-wire 3.6-3.8) as a plain class: per-miner <see cref="DevnetMinerData"/>, time from the injected
/// <see cref="TimeProvider"/>, scoring through <see cref="ISubmissionScorer"/>. Handlers read the BODY synapse, as
/// the validator does; the blacklist reads the header synapse. Thread-safe: state changes happen under one lock,
/// scoring runs outside it (the validation lock keeps one validation per miner at a time).
/// </summary>
public sealed class DevnetValidator
{
    private readonly DevnetRuleOptions _rules;
    private readonly DevnetMinerRegistry _miners;
    private readonly IDevnetTaskSource _tasks;
    private readonly ISubmissionScorer _scorer;
    private readonly TimeProvider _time;
    private readonly DevnetTaskBook _book;
    private readonly Dictionary<int, DevnetMinerData> _data = [];
    private readonly Dictionary<int, DevnetMinerCounters> _counters = [];
    private int _handedOut;
    private readonly Lock _gate = new();

    public DevnetValidator(int uid, string hotkey, DevnetRuleOptions rules, DevnetAcceptance acceptance,
        DevnetMinerRegistry miners, IDevnetTaskSource tasks, ISubmissionScorer scorer, TimeProvider time, DevnetTaskBook? book = null,
        int? taskLimit = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (taskLimit is < 1) throw new ArgumentOutOfRangeException(nameof(taskLimit), "a validator's task limit must be at least 1");
        TaskLimit = taskLimit;
        rules.Validate("devnet.rules");
        Uid = uid;
        Hotkey = hotkey ?? throw new ArgumentNullException(nameof(hotkey));
        _rules = rules;
        Acceptance = acceptance;
        _miners = miners ?? throw new ArgumentNullException(nameof(miners));
        _tasks = tasks ?? throw new ArgumentNullException(nameof(tasks));
        _scorer = scorer ?? throw new ArgumentNullException(nameof(scorer));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _book = book ?? new DevnetTaskBook();
    }

    public int Uid { get; }

    /// <summary>The validator's hotkey (SS58).</summary>
    public string Hotkey { get; }

    public DevnetAcceptance Acceptance { get; }

    public DevnetValidatorStats Stats { get; } = new();

    /// <summary>Tasks this validator hands out before it has none left (`devnet validators --tasks-per-validator`); null: no end.</summary>
    public int? TaskLimit { get; }

    /// <summary>True once <see cref="TaskLimit"/> tasks were handed out.</summary>
    public bool Exhausted
    {
        get
        {
            lock (_gate) return TaskLimit is { } limit && _handedOut >= limit;
        }
    }

    /// <summary>The counters of every registered miner, by uid (zeros for one that never called).</summary>
    public IReadOnlyList<DevnetMinerStats> MinerStats()
    {
        var registered = _miners.Registered;
        lock (_gate)
            return registered.OrderBy(m => m.Value)
                .Select(m => (_counters.TryGetValue(m.Value, out var c) ? c : new DevnetMinerCounters(m.Key)).Snapshot(m.Value)).ToArray();
    }

    /// <summary>Unix seconds as a float, the validator's <c>time.time()</c>.</summary>
    private double Now => (_time.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalSeconds;

    private double Cooldown => _rules.TaskCooldown.TotalSeconds;

    private double Throttle => _rules.ThrottlePeriod.TotalSeconds;

    /// <summary>A copy of what the validator keeps about <paramref name="minerHotkey"/>; null before its first call.</summary>
    public DevnetMinerData? MinerState(string minerHotkey)
    {
        if (!_miners.TryGetUid(minerHotkey, out var uid)) return null;
        lock (_gate) return _data.TryGetValue(uid, out var data) ? data.Copy() : null;
    }

    /// <summary>Specs only: edits a registered miner's state, to reach states the handlers reach only across restarts.</summary>
    internal void EditMinerState(string minerHotkey, Action<DevnetMinerData> edit)
    {
        if (!_miners.TryGetUid(minerHotkey, out var uid)) throw new ArgumentException($"{minerHotkey} is not registered", nameof(minerHotkey));
        lock (_gate) edit(MinerData(uid));
    }

    /// <summary>The <c>pull_task</c> handler (3.6); always an HTTP 200 answer.</summary>
    public PullTask Pull(PullTask request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Stats.Pull();
        var now = Now;
        if (!_miners.TryGetUid(request.Dendrite.Hotkey, out var uid))
        {
            Stats.UnknownHotkey();
            return request with { Task = null, CooldownUntil = (long)now + (long)_rules.UnknownHotkeyCooldown.TotalSeconds };
        }
        lock (_gate)
        {
            var miner = MinerData(uid);
            var counters = Counters(uid, request.Dendrite.Hotkey!);
            counters.Pulls++;
            if (miner.IsOnCooldown(now))
            {
                Stats.Violation();
                counters.CooldownViolations++;
                miner.CooldownViolations++;
                if (miner.CooldownViolations > _rules.CooldownViolationsThreshold)
                    miner.CooldownUntil += (long)_rules.CooldownViolationPenalty.TotalSeconds;
                return request with { Task = null, CooldownUntil = miner.CooldownUntil, CooldownViolations = miner.CooldownViolations };
            }
            var task = miner.AssignedTask;
            if (task is not null) Stats.Reissued();
            else
            {
                // The run's task limit is reached: no task and no cooldown, as a validator with an empty queue answers.
                if (TaskLimit is { } limit && _handedOut >= limit) return request with { Task = null, CooldownUntil = 0 };
                if (!_book.TryHandOut()) return request with { Task = null, CooldownUntil = 0 };
                task = _tasks.Next();
                miner.Assign(task, now);
                _handedOut++;
                Stats.Assigned();
                counters.TasksAssigned++;
                counters.Unsubmitted = task.Protocol.Id;
            }
            return request with { Task = task.Protocol, ValidationThreshold = _rules.QualityThreshold, ThrottlePeriod = (long)Throttle };
        }
    }

    /// <summary>The submit blacklist (3.7), on the header synapse: unknown hotkey, or no task assigned.</summary>
    public BlacklistDecision BlacklistSubmission(Synapse header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var hotkey = header.Dendrite.Hotkey;
        if (!_miners.TryGetUid(hotkey, out var uid))
        {
            Stats.Blacklisted();
            return BlacklistDecision.Refuse($"Unrecognized hotkey {hotkey ?? "None"} ({header.Dendrite.Ip ?? "None"})");
        }
        lock (_gate)
        {
            if (_data.TryGetValue(uid, out var miner) && miner.AssignedTask is not null) return BlacklistDecision.Allow;
            // The headers carry no task id; with nothing assigned, a miner that settled tasks here is resending one.
            if (_counters.TryGetValue(uid, out var counters) && counters.HasSettledAny) counters.DuplicateSubmissions++;
        }
        Stats.Blacklisted();
        return BlacklistDecision.Refuse($"[{uid}] submitted results while having no task assigned. It could happen if validator restarts or miner faults");
    }

    /// <summary>
    /// The <c>submit_results</c> handler (3.7). Throws <see cref="FormatException"/> for a licence signature that is not
    /// base64 of 64 bytes, as the validator's handler raises (the axon answers 500).
    /// </summary>
    public async Task<SubmitResults> SubmitAsync(SubmitResults request, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var minerHotkey = request.Dendrite.Hotkey;
        if (!_miners.TryGetUid(minerHotkey, out var uid))
        {
            Stats.UnknownHotkey();
            return request with { CooldownUntil = (long)Now + (long)_rules.UnknownHotkeyCooldown.TotalSeconds };
        }
        var taskId = request.TaskId.Length == 0 && request.Task is not null ? request.Task.Id : request.TaskId;
        Stats.Submission();

        DevnetTask assigned;
        lock (_gate)
        {
            var miner = MinerData(uid);
            var counters = Counters(uid, minerHotkey!);
            counters.Submissions++;
            if (counters.WasSettled(taskId)) counters.DuplicateSubmissions++;
            if (counters.Unsubmitted == taskId) counters.Unsubmitted = null;
            if (miner.AssignedTask is null || miner.AssignedTask.Protocol.Id != taskId) return FeedbackOnly(request, miner);
            assigned = miner.AssignedTask;
        }

        var signed = LicenseDeclaration.Verify(request.Signature, request.SubmitTime, assigned.Protocol.Prompt, request.Axon.Hotkey ?? "None", minerHotkey!);
        lock (_gate)
        {
            var miner = MinerData(uid);
            var now = Now;
            if (!signed)
            {
                Stats.Penalised();
                Settle(miner, assigned, now, DevnetTaskOutcome.Penalised, score: null);
                miner.ResetTask(now, Throttle, Cooldown + _rules.CooldownPenalty.TotalSeconds);
                return WithFeedback(request, miner, now, fidelity: 0, validationFailed: false);
            }
            miner.CooldownViolations = Math.Max(0, miner.CooldownViolations - 1);
            if (request.Results.Length == 0)
            {
                Stats.Declined();
                Settle(miner, assigned, now, DevnetTaskOutcome.Declined, score: null);
                miner.ResetTask(now, Throttle, Cooldown);
                return WithFeedback(request, miner, now, fidelity: 0, validationFailed: false);
            }
            if (miner.ValidationLockedUntil > now) return FeedbackOnly(request, miner);
            miner.ValidationLockedUntil = (long)now + (long)_rules.ValidationLock.TotalSeconds;
        }

        var score = Acceptance switch
        {
            DevnetAcceptance.ScoreZero => new SubmissionScore(0, "this devnet validator never accepts anything"),
            DevnetAcceptance.FailValidation => SubmissionScore.Failed("this devnet validator's validation never answers"),
            _ => await _scorer.ScoreAsync(assigned, request.Results, cancellation).ConfigureAwait(false),
        };

        lock (_gate)
        {
            var miner = MinerData(uid);
            var now = Now;
            if (score.ValidationFailed)
            {
                Stats.ValidationFailed();
                Settle(miner, assigned, now, DevnetTaskOutcome.ValidationFailed, score: null);
                miner.ResetTask(now, Throttle, Cooldown);
                return WithFeedback(request, miner, now, fidelity: 0, validationFailed: true);
            }
            if (miner.LastSubmitTime + Cooldown - Throttle > now) return FeedbackOnly(request, miner);
            if (score.Score < _rules.QualityThreshold)
            {
                Stats.Penalised();
                Settle(miner, assigned, now, DevnetTaskOutcome.Penalised, score.Score);
                miner.ResetTask(now, Throttle, Cooldown + _rules.CooldownPenalty.TotalSeconds);
                return WithFeedback(request, miner, now, fidelity: 0, validationFailed: false);
            }
            var fidelity = Math.Min(1.0, score.Score);
            Settle(miner, assigned, now, DevnetTaskOutcome.Accepted, fidelity);
            miner.ResetTask(now, Throttle, Cooldown);
            miner.AddObservation(now, fidelity, _rules.MovingAverageAlpha);
            miner.LastSubmitTime = (long)now;
            Stats.Accepted(fidelity);
            return WithFeedback(request, miner, now, fidelity, validationFailed: false);
        }
    }

    /// <summary>Records the settlement in the book; under the lock, before <see cref="DevnetMinerData.ResetTask"/> forgets the hand-out time.</summary>
    private void Settle(DevnetMinerData miner, DevnetTask task, double now, DevnetTaskOutcome outcome, double? score)
    {
        var took = TimeSpan.FromSeconds(Math.Max(0, now - (miner.AssignmentTime ?? now)));
        if (_counters.TryGetValue(miner.Uid, out var counters))
        {
            counters.Settled(task.Protocol.Id);
            if (outcome == DevnetTaskOutcome.Accepted) counters.Accepted++;
            else if (outcome == DevnetTaskOutcome.Declined) counters.Declined++;
            else counters.Failed++;
        }
        _book.Settle(new DevnetSettledTask(task.Protocol.Id, Uid, task.Protocol.Kind, outcome, score, took));
    }

    private DevnetMinerData MinerData(int uid)
    {
        if (!_data.TryGetValue(uid, out var miner)) _data[uid] = miner = new DevnetMinerData(uid);
        return miner;
    }

    private DevnetMinerCounters Counters(int uid, string hotkey)
    {
        if (!_counters.TryGetValue(uid, out var counters)) _counters[uid] = counters = new DevnetMinerCounters(hotkey);
        return counters;
    }

    private SubmitResults FeedbackOnly(SubmitResults request, DevnetMinerData miner)
    {
        Stats.FeedbackOnly();
        return WithFeedback(request, miner, Now, fidelity: 0, validationFailed: false);
    }

    private SubmitResults WithFeedback(SubmitResults request, DevnetMinerData miner, double now, double fidelity, bool validationFailed)
    {
        var window = miner.GenerationsWithin(now, _rules.RewardWindow.TotalSeconds);
        var feedback = new Feedback
        {
            ValidationFailed = validationFailed,
            TaskFidelityScore = fidelity,
            AverageFidelityScore = miner.FidelityScore,
            GenerationsWithinTheWindow = window,
            CurrentDuelRating = _rules.DuelRating,
            CurrentMinerReward = window * _rules.DuelRating,
        };
        return request with { Results = "", Signature = "", Feedback = feedback, CooldownUntil = miner.CooldownUntil };
    }
}
