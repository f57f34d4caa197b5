using Akka.Actor;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Logging;
using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Scoring;

namespace Miner.Actors.Mining.Metagraph;

/// <summary>
/// Keeps the eligible validator set: reads the source at start and every re-sync interval, applies the eligibility
/// rule (<see cref="ValidatorEligibility"/>) with the ScoreKeeper's blacklist, logs the skipped neurons counted by
/// reason (each one at debug), and tells subscribers what changed. A failed read keeps the previous set and retries within a minute.
/// Blacklist changes heard from the ScoreKeeper re-evaluate the last set at once, without re-reading the source.
/// </summary>
public sealed class MetagraphActor : IntrospectiveReceiveActor
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(1);

    private readonly IValidatorSetSource _source;
    private readonly double _minStakeTao;
    private readonly TimeSpan _resync;
    private readonly string? _ownHotkey;
    private readonly IActorRef _scoreKeeper;
    private readonly List<IActorRef> _subscribers = new();
    private Dictionary<string, ValidatorInfo> _current = new(StringComparer.Ordinal);
    private IReadOnlyList<ValidatorCandidate> _candidates = [];
    private DateTimeOffset? _syncedAt;
    private bool _loading;
    private BlacklistSnapshot? _blacklist;
    private IReadOnlyList<ValidatorCandidate>? _pendingCandidates;

    public MetagraphActor(IValidatorSetSource source, double minStakeTao, TimeSpan resync, string? ownHotkey, IActorRef scoreKeeper)
    {
        _source = source;
        _minStakeTao = minStakeTao;
        _resync = resync > TimeSpan.Zero ? resync : throw new ArgumentOutOfRangeException(nameof(resync), "re-sync interval must be positive");
        _ownHotkey = ownHotkey;
        _scoreKeeper = scoreKeeper;

        Receive<ResyncMetagraph>(_ => StartLoad());
        Receive<Loaded>(OnLoaded);
        Receive<LoadFailed>(m =>
        {
            _loading = false;
            Log.Warning("metagraph sync from {Source} failed, keeping {Count} validators: {Error}", _source.Description, _current.Count, m.Error.Message);
            Timers.StartSingleTimer("retry", ResyncMetagraph.Instance, RetryAfterFailure < _resync ? RetryAfterFailure : _resync);
        });
        Receive<BlacklistChanged>(_ => _scoreKeeper.Tell(new GetBlacklist(), Self));
        Receive<BlacklistSnapshot>(m =>
        {
            var first = _blacklist is null;
            _blacklist = m;
            if (_pendingCandidates is { } pending)
            {
                _pendingCandidates = null;
                Apply(pending);
            }
            else if (!first && _syncedAt is not null)
            {
                Recompute(logSkipped: false);
            }
        });
        Receive<SubscribeValidatorSet>(m =>
        {
            if (!_subscribers.Contains(m.Subscriber)) _subscribers.Add(m.Subscriber);
            var all = _current.Values.ToList();
            m.Subscriber.Tell(new ValidatorSetChanged(all, [], [], all), Self);
        });
        Receive<GetValidatorSet>(_ => Sender.Tell(new ValidatorSetReply(_current.Values.ToList(), _syncedAt)));
    }

    protected override void PreStart()
    {
        _scoreKeeper.Tell(new SubscribeValidatorEvents(Self, ValidatorEvents.BlacklistChanges), Self);
        Timers.StartPeriodicTimer("resync", ResyncMetagraph.Instance, _resync);
        Self.Tell(ResyncMetagraph.Instance, Self);
    }

    protected override string DescribeState() =>
        $"{_current.Count} eligible of {_candidates.Count} neurons from {_source.Description}, synced {_syncedAt?.ToString("u") ?? "never"}";

    private void StartLoad()
    {
        if (_loading) return;
        _loading = true;
        _scoreKeeper.Tell(new GetBlacklist(), Self); // fresh blacklist with every sync
        _source.LoadAsync(CancellationToken.None).PipeTo(Self, success: c => new Loaded(c), failure: e => new LoadFailed(e));
    }

    private void OnLoaded(Loaded m)
    {
        _loading = false;
        if (_blacklist is null) _pendingCandidates = m.Candidates; // applied when the ScoreKeeper's blacklist arrives
        else Apply(m.Candidates);
    }

    private void Apply(IReadOnlyList<ValidatorCandidate> candidates)
    {
        _candidates = candidates;
        _syncedAt = Context.System.Scheduler.Now;
        Recompute(logSkipped: true);
    }

    private void Recompute(bool logSkipped)
    {
        var (eligible, skipped) = ValidatorEligibility.Evaluate(_candidates, _minStakeTao, _ownHotkey, _blacklist!);
        if (logSkipped)
        {
            // A line per uid is noise with 256 neurons: counts by reason at info, each uid at debug.
            foreach (var s in skipped)
                Log.With("ValidatorUid", s.Candidate.Uid).Debug("skipping uid {Uid} ({Hotkey}): {Reason}", s.Candidate.Uid, s.Candidate.Hotkey, s.Reason);
            Log.Info("metagraph from {Source}: {Eligible} eligible validators; validators skipped ({Skipped}): {SkippedByReason}",
                _source.Description, eligible.Count, skipped.Count, SkippedValidatorCounts.Describe(skipped));
        }
        var next = eligible.ToDictionary(v => v.Hotkey, StringComparer.Ordinal);
        var added = next.Values.Where(v => !_current.ContainsKey(v.Hotkey)).ToList();
        var removed = _current.Values.Where(v => !next.ContainsKey(v.Hotkey)).ToList();
        var updated = next.Values.Where(v => _current.TryGetValue(v.Hotkey, out var old) && old != v).ToList();
        _current = next;
        if (added.Count + removed.Count + updated.Count == 0) return;
        foreach (var v in added) Log.Info("validator added: uid {Uid} ({Hotkey}) S {Stake:F1} at {Axon}", v.Uid, v.Hotkey, v.StakeTao, v.Axon);
        foreach (var v in removed) Log.Info("validator removed: uid {Uid} ({Hotkey})", v.Uid, v.Hotkey);
        var change = new ValidatorSetChanged(added, removed, updated, next.Values.ToList());
        foreach (var subscriber in _subscribers) subscriber.Tell(change, Self);
    }

    private sealed record Loaded(IReadOnlyList<ValidatorCandidate> Candidates);

    private sealed record LoadFailed(Exception Error);
}
