using Miner.Models.Splats;
using Akka.Actor;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Logging;
using Miner.Actors.Generation;
using Miner.Actors.Mining.Edge;
using Akka.Persistence;
using Miner.Actors.Storage;

namespace Miner.Actors.Mining.Scoring;

/// <summary>
/// Keeps the per-validator ledger (persistence id <c>scorekeeper</c>): turns pull and submission reports into
/// <see cref="IScoreEvent"/>s, journals each before applying it to its <see cref="ScoreLedger"/> (the only state),
/// applies the blacklist rules' decisions the same way, and tells subscribers (pollers, metagraph) about cooldowns and
/// blacklist changes. A snapshot of the ledger is taken every <c>miner.persistence.snapshot-every</c> events; a restart
/// (after a kill, or after a failed write under a BackoffSupervisor in OnStop mode) rebuilds cooldowns, blacklist with
/// expiry and scores, and subscribers learn the recovered cooldowns. The journal is the system's default Akka.Persistence
/// plugin (Akka.Persistence.Sql when mining, the in-memory plugin in devnet and the virtual-time specs).
/// </summary>
public sealed class ScoreKeeper : IntrospectivePersistentActor
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
    private readonly int _snapshotEvery;

    /// <param name="subscribers">
    /// Shared by the incarnations of one keeper on purpose (Akka evaluates Props arguments once), so a restart by a
    /// backoff supervisor keeps them. Everything else is built fresh in the constructor.
    /// </param>
    /// <param name="snapshotEvery">A snapshot of the ledger every this many events; 0 = never.</param>
    public ScoreKeeper(MiningOptions options, ValidatorEventSubscribers subscribers, int snapshotEvery = PersistenceOptions.DefaultSnapshotEvery)
    {
        _options = options;
        _ledger = new ScoreLedger(options.Blacklist);
        _subscribers = subscribers;
        _snapshotEvery = snapshotEvery;
        Recover<IScoreEvent>(_ledger.Apply);
        Recover<SnapshotOffer>(offer => _ledger.Restore((ScoreLedgerState)offer.Snapshot));
        Recover<RecoveryCompleted>(_ =>
        {
            if (LastSequenceNr == 0) return;
            Log.Info("recovered {Validators} validators at event {SequenceNr}: overall {Overall}, {Blacklisted} blacklisted",
                _ledger.Hotkeys.Count(), LastSequenceNr, _ledger.Overall, _ledger.DynamicBlacklist.Count);
            foreach (var (hotkey, until) in _ledger.CooldownsAfter(Now)) Tell(new ValidatorCooldownKnown(hotkey, until));
        });
        Command<SaveSnapshotSuccess>(_ => { });
        Command<SaveSnapshotFailure>(f => Log.Warning("snapshot of the score ledger failed: {Reason}", f.Cause.Message));
        Command<PullReported>(OnPull);
        Command<SubmissionReported>(OnSubmission);
        Command<ScorePredicted>(m => _predictions.Add(m.TaskId, m.Score));
        Command<SubmissionGivenUp>(OnGivenUp);
        Command<AddToBlacklist>(m => Persist(ScoreReports.ForManualAdd(m, Now)));
        Command<RemoveFromBlacklist>(m =>
        {
            if (_ledger.Entry(m.Hotkey)?.Blacklist is null) Log.Info("{Hotkey} is not blacklisted by rule or by hand; nothing removed", m.Hotkey);
            else Persist(new ValidatorRestored(m.Hotkey, Now, "removed by hand"));
        });
        Command<SubscribeValidatorEvents>(m =>
        {
            _subscribers.Add(m.Subscriber, m.Events);
            // A subscriber that arrives after a restart learns the cooldowns recovered from the journal.
            if (!m.Events.HasFlag(ValidatorEvents.Cooldowns)) return;
            foreach (var (hotkey, until) in _ledger.CooldownsAfter(Now)) m.Subscriber.Tell(new ValidatorCooldownKnown(hotkey, until), Self);
        });
        Command<GetLedgerEntry>(m => Sender.Tell(new LedgerEntryReply(m.Hotkey, _ledger.Entry(m.Hotkey))));
        Command<GetLedgerEntries>(_ => Sender.Tell(new LedgerEntries(_ledger.Hotkeys.Select(h => _ledger.Entry(h)!).ToList())));
        Command<GetSuccessRates>(_ => Sender.Tell(ScoreReports.Rates(_ledger)));
        Command<GetBlacklist>(_ => Sender.Tell(ScoreReports.Blacklist(_ledger)));
        Command<GetCooldown>(m => Sender.Tell(new CooldownReply(m.Hotkey, _ledger.CooldownUntil(m.Hotkey))));
        Command<CheckExpiries>(_ =>
        {
            foreach (var restored in _ledger.Expired(Now)) Persist(restored);
        });
    }

    public override string PersistenceId => Id;

    private DateTimeOffset Now => Context.System.Scheduler.Now;

    protected override void PreStart()
    {
        Timers.StartPeriodicTimer("expiry", CheckExpiries.Instance, ExpiryCheck);
        // The cards publish their self-scoring predictions; a restart must not subscribe twice.
        Context.System.EventStream.Unsubscribe(Self, typeof(ScorePredicted));
        Context.System.EventStream.Subscribe(Self, typeof(ScorePredicted));
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self, typeof(ScorePredicted));

    protected override string DescribeState() => ScoreReports.Describe(_ledger);

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
        if (_snapshotEvery > 0 && LastSequenceNr % _snapshotEvery == 0) SaveSnapshot(_ledger.ToState());
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
