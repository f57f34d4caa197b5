using Miner.Models.Splats;
using Miner.Actors.Kernel;
using Miner.Actors.Generation;
using Miner.Actors.Mining.Edge;
using Miner.Actors.Persistence;
using Miner.Actors.Storage;

namespace Miner.Actors.Mining.Scoring;

/// <summary>
/// Keeps the per-validator ledger (persistence id <c>scorekeeper</c>): turns pull and submission reports into
/// <see cref="IScoreEvent"/>s, journals each before applying it to its <see cref="ScoreLedger"/> (the only state),
/// applies the blacklist rules' decisions the same way, and tells subscribers (pollers, metagraph) about cooldowns and
/// blacklist changes. A snapshot of the ledger is taken every <c>miner.persistence.snapshot-every</c> events; a restart
/// (after a kill, or after a failed write under a BackoffSupervisor in OnStop mode) rebuilds cooldowns, blacklist with
/// expiry and scores, and subscribers learn the recovered cooldowns. Without configured stores its journal is in
/// memory and answers inline, so devnet and the virtual-time specs stay deterministic.
/// </summary>
public sealed class ScoreKeeper : PersistentActor
{
    public const string Id = "scorekeeper";

    /// <summary>The names this keeper's events and snapshot are stored under; Akka's <c>MinerJsonSerializer</c> reads the same table.</summary>
    public static readonly IReadOnlyList<ManifestBinding> ManifestTable =
    [
        ManifestBinding.Of<PullRecorded>("scorekeeper.pull-recorded.v1"),
        ManifestBinding.Of<PullFailed>("scorekeeper.pull-failed.v1"),
        ManifestBinding.Of<CooldownObserved>("scorekeeper.cooldown-observed.v1"),
        ManifestBinding.Of<SubmissionAnswered>("scorekeeper.submission-answered.v1"),
        ManifestBinding.Of<SubmissionAbandoned>("scorekeeper.submission-abandoned.v1"),
        ManifestBinding.Of<ValidatorBlacklisted>("scorekeeper.validator-blacklisted.v1"),
        ManifestBinding.Of<ValidatorRestored>("scorekeeper.validator-restored.v1"),
        ManifestBinding.Of<ScoreLedgerState>("scorekeeper.state.v1"),
    ];

    private static readonly TimeSpan ExpiryCheck = TimeSpan.FromMinutes(1);

    private readonly MiningOptions _options;
    private readonly PendingPredictions _predictions = new();
    private readonly ScoreLedger _ledger;
    private readonly ValidatorEventSubscribers _subscribers;

    /// <param name="subscribers">Shared by the incarnations of one keeper, so a restart by a backoff supervisor keeps them.</param>
    public ScoreKeeper(MiningOptions options, PersistenceStores? stores = null, ValidatorEventSubscribers? subscribers = null)
        : base(stores ?? StoresOfSystemOrInMemory())
    {
        _options = options;
        _ledger = new ScoreLedger(options.Blacklist);
        _subscribers = subscribers ?? new ValidatorEventSubscribers();
        Manifests(ManifestTable);
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
        Receive<ScorePredicted>(m => _predictions.Add(m.TaskId, m.Score));
        Receive<SubmissionGivenUp>(OnGivenUp);
        Receive<AddToBlacklist>(m => Persist(ScoreReports.ForManualAdd(m, Now)));
        Receive<RemoveFromBlacklist>(m =>
        {
            if (_ledger.Entry(m.Hotkey)?.Blacklist is null) Log.Info("{Hotkey} is not blacklisted by rule or by hand; nothing removed", m.Hotkey);
            else Persist(new ValidatorRestored(m.Hotkey, Now, "removed by hand"));
        });
        Receive<SubscribeValidatorEvents>(m =>
        {
            _subscribers.Add(m.Subscriber, m.Events);
            // A subscriber that arrives after a restart learns the cooldowns recovered from the journal.
            if (!m.Events.HasFlag(ValidatorEvents.Cooldowns)) return;
            foreach (var (hotkey, until) in _ledger.CooldownsAfter(Now)) m.Subscriber.Tell(new ValidatorCooldownKnown(hotkey, until), Self);
        });
        Receive<GetLedgerEntry>(m => Sender.Tell(new LedgerEntryReply(m.Hotkey, _ledger.Entry(m.Hotkey))));
        Receive<GetLedgerEntries>(_ => Sender.Tell(new LedgerEntries(_ledger.Hotkeys.Select(h => _ledger.Entry(h)!).ToList())));
        Receive<GetSuccessRates>(_ => Sender.Tell(ScoreReports.Rates(_ledger)));
        Receive<GetBlacklist>(_ => Sender.Tell(ScoreReports.Blacklist(_ledger)));
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

    protected override void PreStart()
    {
        Timers.StartPeriodicTimer("expiry", CheckExpiries.Instance, ExpiryCheck);
        // The cards publish their self-scoring predictions; a restart must not subscribe twice.
        Context.System.EventStream.Unsubscribe(Self, typeof(ScorePredicted));
        Context.System.EventStream.Subscribe(Self, typeof(ScorePredicted));
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self, typeof(ScorePredicted));

    protected internal override string? DescribeState() => ScoreReports.Describe(_ledger);

    private void OnPull(PullReported m) =>
        Persist(ScoreReports.ForPull(m, Now, _options.PollerBackoff), () => Decide(m.Validator.Hotkey));

    private void OnSubmission(SubmissionReported m)
    {
        if (ScoreReports.ForAnsweredSubmission(m, Now, _options.PollerBackoff, _predictions.Take(m.TaskId)) is not { } answered)
        {
            OnGivenUp(ScoreReports.GivenUp(m));
            return;
        }
        // Announced before the write: the pollers must not pull in the window a journal write takes, and a
        // cooldown announced for an answer that then fails to be journaled is only conservative.
        Tell(new ValidatorCooldownKnown(m.Validator.Hotkey, answered.CooldownUntil, m.TaskId));
        Persist(answered.Event, () => Decide(m.Validator.Hotkey));
    }

    private void OnGivenUp(SubmissionGivenUp m)
    {
        Tell(new ValidatorCooldownKnown(m.Validator.Hotkey, Now + _options.UnansweredSubmissionHold, m.TaskId)); // before the write, as above
        Persist(ScoreReports.ForGivenUp(m, Now), () => Decide(m.Validator.Hotkey));
    }

    private void Decide(string hotkey)
    {
        if (_ledger.RuleDecision(hotkey, Now) is { } decision) Persist(decision);
    }

    /// <summary>Journals an event; once it is written, applies it, tells subscribers what changed, then runs <paramref name="then"/>.</summary>
    private void Persist(IScoreEvent evt, Action? then = null) => Persist<IScoreEvent>(evt, e =>
    {
        _ledger.Apply(e);
        ScoreReports.LogBlacklistChange(Log, e);
        ScoreReports.LogPrediction(Log, e);
        if (ScoreReports.BlacklistChange(e, _ledger) is { } change) Tell(change);
        then?.Invoke();
    });

    private void Tell(ValidatorCooldownKnown message) => _subscribers.Tell(ValidatorEvents.Cooldowns, message, Self);

    private void Tell(BlacklistChanged message) => _subscribers.Tell(ValidatorEvents.BlacklistChanges, message, Self);

    private sealed record CheckExpiries
    {
        public static readonly CheckExpiries Instance = new();
    }
}
