using Miner.Models.Splats;
using Miner.Models.Protocol;

namespace Miner.Actors.Mining.Scoring;

/// <summary>
/// The ScoreKeeper's state: a per-validator ledger changed only by <see cref="Apply"/>ing <see cref="IScoreEvent"/>s,
/// so it can be rebuilt from a journal. Decisions (blacklist rules, expiries) are pure queries that return the events
/// to apply; they never mutate. Configured blacklist entries (uids, hotkeys) are fixed and not events.
/// </summary>
public sealed class ScoreLedger
{
    private readonly BlacklistOptions _options;
    private readonly HashSet<int> _configUids;
    private readonly HashSet<string> _configHotkeys;
    private readonly Dictionary<string, Row> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<DensityBucket, (int Scored, int Accepted)> _byBucket = new();
    private int _scored;
    private int _accepted;

    public ScoreLedger(BlacklistOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _configUids = [.. options.Uids];
        _configHotkeys = new HashSet<string>(options.Hotkeys, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<int> ConfiguredUids => _configUids;

    public IReadOnlyCollection<string> ConfiguredHotkeys => _configHotkeys;

    public SuccessRate Overall => new(_scored, _accepted);

    public SuccessRate ForBucket(DensityBucket bucket) =>
        _byBucket.TryGetValue(bucket, out var b) ? new SuccessRate(b.Scored, b.Accepted) : new SuccessRate(0, 0);

    public IEnumerable<string> Hotkeys => _rows.Keys;

    /// <summary>Why <paramref name="hotkey"/> (uid <paramref name="uid"/>) is blacklisted, or null.</summary>
    public string? BlacklistReason(string hotkey, int uid)
    {
        if (_configUids.Contains(uid)) return $"uid {uid} is blacklisted by configuration";
        if (_configHotkeys.Contains(hotkey)) return "hotkey is blacklisted by configuration";
        return _rows.TryGetValue(hotkey, out var row) && row.Blacklist is { } entry ? entry.Reason : null;
    }

    /// <summary>Hotkeys blacklisted by rules or by hand (configured ones are in <see cref="ConfiguredHotkeys"/>).</summary>
    public IReadOnlyDictionary<string, BlacklistEntry> DynamicBlacklist =>
        _rows.Where(r => r.Value.Blacklist is not null).ToDictionary(r => r.Key, r => r.Value.Blacklist!, StringComparer.Ordinal);

    public DateTimeOffset? CooldownUntil(string hotkey) => _rows.TryGetValue(hotkey, out var row) ? row.CooldownUntil : null;

    public ValidatorLedgerEntry? Entry(string hotkey) => _rows.TryGetValue(hotkey, out var row) ? row.Snapshot(hotkey) : null;

    public void Apply(IScoreEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        var row = RowFor(evt.Hotkey);
        switch (evt)
        {
            case PullRecorded e:
                row.Uid = e.Uid;
                row.Pulls++;
                row.ConsecutiveTransportFailures = 0;
                break;
            case PullFailed e:
                row.Uid = e.Uid;
                row.PullFailures++;
                row.ConsecutiveTransportFailures++;
                break;
            case CooldownObserved e:
                row.Uid = e.Uid;
                row.CooldownUntil = e.Until;
                row.Violations = e.Violations;
                row.ConsecutiveTransportFailures = 0;
                break;
            case SubmissionAnswered e:
                ApplyAnswer(row, e);
                break;
            case SubmissionAbandoned e:
                row.Uid = e.Uid;
                row.Abandoned++;
                if (e.TransportFailure) row.ConsecutiveTransportFailures++;
                break;
            case ValidatorBlacklisted e:
                row.Uid = e.Uid;
                row.Blacklist = new BlacklistEntry(e.Reason, e.At, e.Until, e.Manual);
                if (e.Until is { } until) row.LastPeriod = until - e.At;
                break;
            case ValidatorRestored:
                var wasRule = row.Blacklist is { Manual: false };
                row.Blacklist = null;
                row.RecentScored.Clear();
                row.ConsecutiveTransportFailures = 0;
                row.OnProbation = wasRule;
                break;
            default:
                throw new ArgumentException($"unknown score event {evt.GetType().Name}", nameof(evt));
        }
    }

    /// <summary>Every field, for a snapshot; <see cref="Restore"/> rebuilds the same ledger from it.</summary>
    public ScoreLedgerState ToState() => new(
        _rows.Select(kv => new ValidatorRowState(kv.Key, kv.Value.Uid, kv.Value.Pulls, kv.Value.PullFailures, kv.Value.Submissions,
            kv.Value.Declines, kv.Value.Accepted, kv.Value.Failed, kv.Value.Abandoned, kv.Value.LastScore, kv.Value.ScoreSum,
            kv.Value.ScoreCount, kv.Value.CooldownUntil, kv.Value.Violations, kv.Value.LastFeedback, kv.Value.ConsecutiveTransportFailures,
            kv.Value.Blacklist, kv.Value.OnProbation, kv.Value.LastPeriod, kv.Value.RecentScored.ToArray(),
            kv.Value.PredictedCount, kv.Value.PredictedSum, kv.Value.PredictedActualSum, kv.Value.PredictedAbsErrorSum)).ToList(),
        _byBucket.ToDictionary(kv => kv.Key, kv => kv.Value.Scored),
        _byBucket.ToDictionary(kv => kv.Key, kv => kv.Value.Accepted),
        _scored,
        _accepted);

    /// <summary>Replaces the ledger's state with a snapshot's (configuration-driven blacklist entries stay as configured).</summary>
    public void Restore(ScoreLedgerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _rows.Clear();
        foreach (var r in state.Rows)
        {
            var row = new Row
            {
                Uid = r.Uid, Pulls = r.Pulls, PullFailures = r.PullFailures, Submissions = r.Submissions, Declines = r.Declines,
                Accepted = r.Accepted, Failed = r.Failed, Abandoned = r.Abandoned, LastScore = r.LastScore, ScoreSum = r.ScoreSum,
                ScoreCount = r.ScoreCount, CooldownUntil = r.CooldownUntil, Violations = r.Violations, LastFeedback = r.LastFeedback,
                ConsecutiveTransportFailures = r.ConsecutiveTransportFailures, Blacklist = r.Blacklist, OnProbation = r.OnProbation,
                LastPeriod = r.LastPeriod, PredictedCount = r.PredictedCount, PredictedSum = r.PredictedSum,
                PredictedActualSum = r.PredictedActualSum, PredictedAbsErrorSum = r.PredictedAbsErrorSum,
            };
            row.RecentScored.AddRange(r.RecentScored ?? []);
            _rows[r.Hotkey] = row;
        }
        _byBucket.Clear();
        foreach (var (bucket, scored) in state.ScoredByBucket)
            _byBucket[bucket] = (scored, state.AcceptedByBucket.TryGetValue(bucket, out var accepted) ? accepted : 0);
        _scored = state.Scored;
        _accepted = state.Accepted;
    }

    /// <summary>Validators whose cooldown still runs at <paramref name="now"/> (what pollers must learn after a restart).</summary>
    public IEnumerable<(string Hotkey, DateTimeOffset Until)> CooldownsAfter(DateTimeOffset now) =>
        _rows.Where(r => r.Value.CooldownUntil is { } until && until > now).Select(r => (r.Key, r.Value.CooldownUntil!.Value));

    /// <summary>The blacklisting the rules call for after the latest events, or null (pure).</summary>
    public ValidatorBlacklisted? RuleDecision(string hotkey, DateTimeOffset now)
    {
        if (!_rows.TryGetValue(hotkey, out var row) || row.Blacklist is not null) return null;
        var window = row.OnProbation ? _options.ProbationWindow : _options.NoAcceptWindow;
        if (_options.NoAcceptWindow > 0 && row.RecentScored.Count >= window && row.RecentScored.TakeLast(window).All(accepted => !accepted))
        {
            var period = NextPeriod(row);
            return new ValidatorBlacklisted(hotkey, row.Uid, now, now + period,
                $"no accepted result in the last {window} scored submissions{(row.OnProbation ? " (on probation)" : "")}", Manual: false);
        }
        if (_options.TransportFailures > 0 && row.ConsecutiveTransportFailures >= _options.TransportFailures)
        {
            var period = NextPeriod(row);
            return new ValidatorBlacklisted(hotkey, row.Uid, now, now + period,
                $"{row.ConsecutiveTransportFailures} transport failures in a row", Manual: false);
        }
        return null;
    }

    /// <summary>Restorations due at <paramref name="now"/> for blacklistings that expired (pure).</summary>
    public IReadOnlyList<ValidatorRestored> Expired(DateTimeOffset now) =>
        _rows.Where(r => r.Value.Blacklist is { Until: { } until } && until <= now)
            .Select(r => new ValidatorRestored(r.Key, now, $"blacklisting expired ({r.Value.Blacklist!.Reason})"))
            .ToList();

    public DateTimeOffset? NextExpiry =>
        _rows.Values.Select(r => r.Blacklist?.Until).Where(u => u is not null).Min();

    private TimeSpan NextPeriod(Row row)
    {
        if (!row.OnProbation || row.LastPeriod is not { } last) return _options.Period;
        var doubled = last * 2;
        return doubled > _options.MaxPeriod ? _options.MaxPeriod : doubled;
    }

    private void ApplyAnswer(Row row, SubmissionAnswered e)
    {
        row.Uid = e.Uid;
        row.Submissions++;
        row.ConsecutiveTransportFailures = 0;
        if (e.CooldownUntil is { } until) row.CooldownUntil = until;
        if (e.Feedback is { } feedback) row.LastFeedback = feedback;
        if (e.Declined)
        {
            row.Declines++;
            return;
        }
        // Without feedback (unknown hotkey) nothing was scored.
        if (e.Feedback is not { } scored) return;
        var accepted = IsAccepted(scored);
        var score = scored.TaskFidelityScore;
        if (e.PredictedScore is { } predicted && double.IsFinite(predicted))
        {
            row.PredictedCount++;
            row.PredictedSum += predicted;
            row.PredictedActualSum += score;
            row.PredictedAbsErrorSum += Math.Abs(predicted - score);
        }
        row.LastScore = score;
        row.ScoreSum += score;
        row.ScoreCount++;
        if (accepted)
        {
            row.Accepted++;
            row.OnProbation = false;
        }
        else
        {
            row.Failed++;
        }
        row.RecentScored.Add(accepted);
        var keep = Math.Max(_options.NoAcceptWindow, _options.ProbationWindow);
        if (row.RecentScored.Count > keep) row.RecentScored.RemoveRange(0, row.RecentScored.Count - keep);
        _scored++;
        if (accepted) _accepted++;
        if (e.Bucket is { } bucket)
        {
            var b = _byBucket.GetValueOrDefault(bucket);
            _byBucket[bucket] = (b.Scored + 1, b.Accepted + (accepted ? 1 : 0));
        }
    }

    /// <summary>The validator sets a non-zero fidelity only for results it accepted (score at least its threshold).</summary>
    public static bool IsAccepted(Feedback feedback) => !feedback.ValidationFailed && feedback.TaskFidelityScore > 0;

    private Row RowFor(string hotkey)
    {
        if (!_rows.TryGetValue(hotkey, out var row))
        {
            row = new Row();
            _rows[hotkey] = row;
        }
        return row;
    }

    private sealed class Row
    {
        public int Uid = -1;
        public int Pulls;
        public int PullFailures;
        public int Submissions;
        public int Declines;
        public int Accepted;
        public int Failed;
        public int Abandoned;
        public double? LastScore;
        public double ScoreSum;
        public int ScoreCount;
        public DateTimeOffset? CooldownUntil;
        public long Violations;
        public Feedback? LastFeedback;
        public int ConsecutiveTransportFailures;
        public BlacklistEntry? Blacklist;
        public bool OnProbation;
        public TimeSpan? LastPeriod;
        public readonly List<bool> RecentScored = new();
        public int PredictedCount;
        public double PredictedSum;
        public double PredictedActualSum;
        public double PredictedAbsErrorSum;

        public ValidatorLedgerEntry Snapshot(string hotkey) => new(
            hotkey, Uid, Pulls, PullFailures, Submissions, Declines, Accepted, Failed, Abandoned, LastScore,
            ScoreCount == 0 ? null : ScoreSum / ScoreCount, CooldownUntil, Violations, LastFeedback,
            ConsecutiveTransportFailures, Blacklist, OnProbation,
            PredictedCount == 0 ? null : new ScorePredictionAccuracy(PredictedCount, PredictedSum / PredictedCount,
                PredictedActualSum / PredictedCount, PredictedAbsErrorSum / PredictedCount));
    }
}
