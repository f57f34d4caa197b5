using Miner.Models.Splats;
using Miner.Actors.Kernel;
using Miner.Actors.Mining.Edge;
using Miner.Actors.Persistence;

namespace Miner.Actors.Mining.Scoring;

/// <summary>
/// The <see cref="ScoreKeeper"/> made persistent (id <c>scorekeeper</c>), for <c>miner run</c>: same messages and
/// <see cref="ScoreLedger"/>, but every event is journaled before it is applied, a snapshot of the ledger is taken
/// every <c>miner.persistence.snapshot-every</c> events, and a restart (after a kill, or after a failed write under a
/// BackoffSupervisor in OnStop mode) rebuilds cooldowns, blacklist with expiry and scores; subscribers (pollers,
/// metagraph) learn the recovered cooldowns. The in-memory ScoreKeeper stays for devnet and the virtual-time specs,
/// whose synchronous replies a thread-pool journal would change.
/// </summary>
public sealed class PersistentScoreKeeper : PersistentActor
{
    public const string Id = "scorekeeper";

    private static readonly TimeSpan ExpiryCheck = TimeSpan.FromMinutes(1);

    private readonly MiningOptions _options;
    private readonly ScoreLedger _ledger;
    private readonly List<IActorRef> _subscribers;

    /// <param name="subscribers">Shared by the incarnations of one keeper, so a restart by a backoff supervisor keeps them.</param>
    public PersistentScoreKeeper(MiningOptions options, PersistenceStores? stores = null, List<IActorRef>? subscribers = null)
        : base(stores ?? StoresOfSystemOrInMemory())
    {
        _options = options;
        _ledger = new ScoreLedger(options.Blacklist);
        _subscribers = subscribers ?? new List<IActorRef>();
        Manifest<PullRecorded>("scorekeeper.pull-recorded.v1");
        Manifest<PullFailed>("scorekeeper.pull-failed.v1");
        Manifest<CooldownObserved>("scorekeeper.cooldown-observed.v1");
        Manifest<SubmissionAnswered>("scorekeeper.submission-answered.v1");
        Manifest<SubmissionAbandoned>("scorekeeper.submission-abandoned.v1");
        Manifest<ValidatorBlacklisted>("scorekeeper.validator-blacklisted.v1");
        Manifest<ValidatorRestored>("scorekeeper.validator-restored.v1");
        Manifest<ScoreLedgerState>("scorekeeper.state.v1");
        Recover<IScoreEvent>(_ledger.Apply);
        Recover<SnapshotOffer>(offer => _ledger.Restore((ScoreLedgerState)offer.Snapshot));
        Recover<RecoveryCompleted>(done =>
        {
            if (done.LastSequenceNr == 0) return;
            Log.Info("recovered {Validators} validators at event {SequenceNr}: overall {Overall}, {Blacklisted} blacklisted",
                _ledger.Hotkeys.Count(), done.LastSequenceNr, _ledger.Overall, _ledger.DynamicBlacklist.Count);
            foreach (var (hotkey, until) in _ledger.CooldownsAfter(Now)) Tell(new ValidatorCooldownKnown(hotkey, until));
        });
        Receive<SaveSnapshotSuccess>(_ => { });
        Receive<SaveSnapshotFailure>(f => Log.Warning("snapshot of the score ledger failed: {Reason}", f.Cause.Message));
        Receive<PullReported>(OnPull);
        Receive<SubmissionReported>(OnSubmission);
        Receive<SubmissionGivenUp>(OnGivenUp);
        Receive<AddToBlacklist>(m => Persist(new ValidatorBlacklisted(m.Hotkey, m.Uid, Now, m.Until, $"manual: {m.Reason}", Manual: true)));
        Receive<RemoveFromBlacklist>(m =>
        {
            if (_ledger.Entry(m.Hotkey)?.Blacklist is null) Log.Info("{Hotkey} is not blacklisted by rule or by hand; nothing removed", m.Hotkey);
            else Persist(new ValidatorRestored(m.Hotkey, Now, "removed by hand"));
        });
        Receive<SubscribeValidatorEvents>(m =>
        {
            if (!_subscribers.Contains(m.Subscriber)) _subscribers.Add(m.Subscriber);
            // A subscriber that arrives after a restart learns the cooldowns recovered from the journal.
            foreach (var (hotkey, until) in _ledger.CooldownsAfter(Now)) m.Subscriber.Tell(new ValidatorCooldownKnown(hotkey, until), Self);
        });
        Receive<GetLedgerEntry>(m => Sender.Tell(new LedgerEntryReply(m.Hotkey, _ledger.Entry(m.Hotkey))));
        Receive<GetSuccessRates>(_ => Sender.Tell(new SuccessRates(_ledger.Overall,
            Enum.GetValues<DensityBucket>().ToDictionary(b => b, _ledger.ForBucket))));
        Receive<GetBlacklist>(_ => Sender.Tell(Blacklist()));
        Receive<GetCooldown>(m => Sender.Tell(new CooldownReply(m.Hotkey, _ledger.CooldownUntil(m.Hotkey))));
        Receive<CheckExpiries>(_ =>
        {
            foreach (var restored in _ledger.Expired(Now)) Persist(restored);
        });
    }

    public override string PersistenceId => Id;

    private DateTimeOffset Now => Context.System.Scheduler.UtcNow;

    protected override object? SnapshotState() => _ledger.ToState();

    private static PersistenceStores StoresOfSystemOrInMemory() =>
        (ActorCell.Constructing is { } cell ? PersistenceExtension.Find(cell.System) : null) ?? PersistenceStores.InMemory();

    protected override void PreStart() => Timers.StartPeriodicTimer("expiry", CheckExpiries.Instance, ExpiryCheck);

    protected internal override string? DescribeState() =>
        $"{_ledger.Hotkeys.Count()} validators, overall {_ledger.Overall}, {_ledger.DynamicBlacklist.Count} blacklisted by rule or hand";

    private void OnPull(PullReported m)
    {
        var v = m.Validator;
        switch (m.Reply.Kind)
        {
            case PullReplyKind.Task:
                Persist(new PullRecorded(v.Hotkey, v.Uid, Now), () => Decide(v.Hotkey));
                break;
            case PullReplyKind.Cooldown:
                Persist(new CooldownObserved(v.Hotkey, v.Uid, Now, m.Reply.CooldownUntil!.Value, m.Reply.Violations), () => Decide(v.Hotkey));
                break;
            case PullReplyKind.Empty:
                Persist(new CooldownObserved(v.Hotkey, v.Uid, Now, Now + _options.PollerBackoff, 0), () => Decide(v.Hotkey));
                break;
            default:
                Persist(new PullFailed(v.Hotkey, v.Uid, Now, m.Reply.Error ?? "transport error"), () => Decide(v.Hotkey));
                break;
        }
    }

    private void OnSubmission(SubmissionReported m)
    {
        var v = m.Validator;
        if (m.Reply.Kind is SubmitReplyKind.Answered or SubmitReplyKind.NoFeedback)
        {
            // The base miner's rule: without a cooldown in the answer, wait the backoff.
            var until = m.Reply.CooldownUntil is { } c && c > Now ? c : Now + (m.Reply.Feedback is null ? _options.PollerBackoff : TimeSpan.Zero);
            // Announced before the write: the pollers must not pull in the window a journal write takes, and a
            // cooldown announced for an answer that then fails to be journaled is only conservative.
            Tell(new ValidatorCooldownKnown(v.Hotkey, until));
            Persist(new SubmissionAnswered(v.Hotkey, v.Uid, Now, m.TaskId, m.Declined, m.Reply.Feedback, m.Reply.CooldownUntil, m.Bucket), () => Decide(v.Hotkey));
        }
        else
        {
            OnGivenUp(new SubmissionGivenUp(v, m.TaskId, m.Reply.Error ?? m.Reply.Kind.ToString(), m.Reply.Kind == SubmitReplyKind.TransportError));
        }
    }

    private void OnGivenUp(SubmissionGivenUp m)
    {
        var v = m.Validator;
        var until = Now + _options.PollerBackoff;
        Tell(new ValidatorCooldownKnown(v.Hotkey, until)); // before the write, as above
        Persist(new SubmissionAbandoned(v.Hotkey, v.Uid, Now, m.TaskId, m.Reason, m.TransportFailure), () => Decide(v.Hotkey));
    }

    private void Decide(string hotkey)
    {
        if (_ledger.RuleDecision(hotkey, Now) is { } decision) Persist(decision);
    }

    /// <summary>Journals an event; once it is written, applies it, tells subscribers what changed, then runs <paramref name="then"/>.</summary>
    private void Persist(IScoreEvent evt, Action? then = null) => Persist<IScoreEvent>(evt, e =>
    {
        Apply(e);
        then?.Invoke();
    });

    private void Apply(IScoreEvent evt)
    {
        _ledger.Apply(evt);
        switch (evt)
        {
            case ValidatorBlacklisted b:
                Log.Warning("blacklisted {Hotkey} (uid {Uid}) until {Until}: {Reason}", b.Hotkey, b.Uid, b.Until?.ToString("u") ?? "removed by hand", b.Reason);
                Tell(new BlacklistChanged(b.Hotkey, b.Uid, true, b.Reason));
                break;
            case ValidatorRestored r:
                Log.Info("{Hotkey} is no longer blacklisted: {Reason}", r.Hotkey, r.Reason);
                Tell(new BlacklistChanged(r.Hotkey, _ledger.Entry(r.Hotkey)?.Uid ?? -1, false, r.Reason));
                break;
        }
    }

    private BlacklistSnapshot Blacklist() => new(_ledger.ConfiguredUids.ToArray(), _ledger.ConfiguredHotkeys.ToArray(), _ledger.DynamicBlacklist);

    private void Tell(object message)
    {
        foreach (var subscriber in _subscribers) subscriber.Tell(message, Self);
    }

    private sealed record CheckExpiries
    {
        public static readonly CheckExpiries Instance = new();
    }
}
