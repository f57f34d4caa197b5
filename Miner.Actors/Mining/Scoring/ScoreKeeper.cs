using Miner.Models.Splats;
using Miner.Actors.Kernel;
using Miner.Actors.Generation;
using Miner.Actors.Mining.Edge;

namespace Miner.Actors.Mining.Scoring;

/// <summary>
/// Keeps the per-validator ledger: turns reports into <see cref="IScoreEvent"/>s, applies them to its
/// <see cref="ScoreLedger"/> (the only state), applies the blacklist rules' decisions the same way, and tells its
/// subscribers about cooldowns and blacklist changes. A thin shell so it can become a persistent actor unchanged.
/// </summary>
public sealed class ScoreKeeper : ReceiveActor
{
    private static readonly TimeSpan ExpiryCheck = TimeSpan.FromMinutes(1);

    private readonly MiningOptions _options;
    private readonly PendingPredictions _predictions = new();
    private readonly ScoreLedger _ledger;
    private readonly List<IActorRef> _subscribers = new();

    public ScoreKeeper(MiningOptions options)
    {
        _options = options;
        _ledger = new ScoreLedger(options.Blacklist);
        Receive<PullReported>(OnPull);
        Receive<SubmissionReported>(OnSubmission);
        Receive<ScorePredicted>(m => _predictions.Add(m.TaskId, m.Score));
        Receive<SubmissionGivenUp>(OnGivenUp);
        Receive<AddToBlacklist>(m => Record(ScoreReports.ForManualAdd(m, Now)));
        Receive<RemoveFromBlacklist>(m =>
        {
            if (_ledger.Entry(m.Hotkey)?.Blacklist is null) Log.Info("{Hotkey} is not blacklisted by rule or by hand; nothing removed", m.Hotkey);
            else Record(new ValidatorRestored(m.Hotkey, Now, "removed by hand"));
        });
        Receive<SubscribeValidatorEvents>(m =>
        {
            if (!_subscribers.Contains(m.Subscriber)) _subscribers.Add(m.Subscriber);
        });
        Receive<GetLedgerEntry>(m => Sender.Tell(new LedgerEntryReply(m.Hotkey, _ledger.Entry(m.Hotkey))));
        Receive<GetSuccessRates>(_ => Sender.Tell(ScoreReports.Rates(_ledger)));
        Receive<GetBlacklist>(_ => Sender.Tell(ScoreReports.Blacklist(_ledger)));
        Receive<GetCooldown>(m => Sender.Tell(new CooldownReply(m.Hotkey, _ledger.CooldownUntil(m.Hotkey))));
        Receive<CheckExpiries>(_ =>
        {
            foreach (var restored in _ledger.Expired(Now)) Record(restored);
        });
    }

    private DateTimeOffset Now => Context.System.Scheduler.UtcNow;

    protected override void PreStart()
    {
        Timers.StartPeriodicTimer("expiry", CheckExpiries.Instance, ExpiryCheck);
        // The cards publish their self-scoring predictions; a restart must not subscribe twice.
        Context.System.EventStream.Unsubscribe(Self, typeof(ScorePredicted));
        Context.System.EventStream.Subscribe(Self, typeof(ScorePredicted));
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self, typeof(ScorePredicted));

    protected internal override string? DescribeState() => ScoreReports.Describe(_ledger);

    private void OnPull(PullReported m)
    {
        Record(ScoreReports.ForPull(m, Now, _options.PollerBackoff));
        Decide(m.Validator.Hotkey);
    }

    private void OnSubmission(SubmissionReported m)
    {
        if (ScoreReports.ForAnsweredSubmission(m, Now, _options.PollerBackoff, _predictions.Take(m.TaskId)) is not { } answered)
        {
            OnGivenUp(ScoreReports.GivenUp(m));
            return;
        }
        Tell(new ValidatorCooldownKnown(m.Validator.Hotkey, answered.CooldownUntil, m.TaskId));
        Record(answered.Event);
        Decide(m.Validator.Hotkey);
    }

    private void OnGivenUp(SubmissionGivenUp m)
    {
        Tell(new ValidatorCooldownKnown(m.Validator.Hotkey, Now + _options.UnansweredSubmissionHold, m.TaskId));
        Record(ScoreReports.ForGivenUp(m, Now));
        Decide(m.Validator.Hotkey);
    }

    private void Decide(string hotkey)
    {
        if (_ledger.RuleDecision(hotkey, Now) is { } decision) Record(decision);
    }

    /// <summary>Applies an event and tells subscribers what changed (<see cref="PersistentScoreKeeper"/> journals it first).</summary>
    private void Record(IScoreEvent evt)
    {
        _ledger.Apply(evt);
        ScoreReports.LogBlacklistChange(Log, evt);
        ScoreReports.LogPrediction(Log, evt);
        if (ScoreReports.BlacklistChange(evt, _ledger) is { } change) Tell(change);
    }

    private void Tell(object message)
    {
        foreach (var subscriber in _subscribers) subscriber.Tell(message, Self);
    }

    private sealed record CheckExpiries
    {
        public static readonly CheckExpiries Instance = new();
    }
}
