using Miner.Models.Splats;
using Miner.Actors.Kernel;
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
    private readonly ScoreLedger _ledger;
    private readonly List<IActorRef> _subscribers = new();

    public ScoreKeeper(MiningOptions options)
    {
        _options = options;
        _ledger = new ScoreLedger(options.Blacklist);
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

    private DateTimeOffset Now => Context.System.Scheduler.UtcNow;

    protected override void PreStart() => Timers.StartPeriodicTimer("expiry", CheckExpiries.Instance, ExpiryCheck);

    protected internal override string? DescribeState() =>
        $"{_ledger.Hotkeys.Count()} validators, overall {_ledger.Overall}, {_ledger.DynamicBlacklist.Count} blacklisted by rule or hand";

    private void OnPull(PullReported m)
    {
        var v = m.Validator;
        switch (m.Reply.Kind)
        {
            case PullReplyKind.Task:
                Persist(new PullRecorded(v.Hotkey, v.Uid, Now));
                break;
            case PullReplyKind.Cooldown:
                Persist(new CooldownObserved(v.Hotkey, v.Uid, Now, m.Reply.CooldownUntil!.Value, m.Reply.Violations));
                break;
            case PullReplyKind.Empty:
                Persist(new CooldownObserved(v.Hotkey, v.Uid, Now, Now + _options.PollerBackoff, 0));
                break;
            default:
                Persist(new PullFailed(v.Hotkey, v.Uid, Now, m.Reply.Error ?? "transport error"));
                break;
        }
        Decide(v.Hotkey);
    }

    private void OnSubmission(SubmissionReported m)
    {
        var v = m.Validator;
        if (m.Reply.Kind is SubmitReplyKind.Answered or SubmitReplyKind.NoFeedback)
        {
            Persist(new SubmissionAnswered(v.Hotkey, v.Uid, Now, m.TaskId, m.Declined, m.Reply.Feedback, m.Reply.CooldownUntil, m.Bucket));
            // The base miner's rule: without a cooldown in the answer, wait the backoff.
            var until = m.Reply.CooldownUntil is { } c && c > Now ? c : Now + (m.Reply.Feedback is null ? _options.PollerBackoff : TimeSpan.Zero);
            Tell(new ValidatorCooldownKnown(v.Hotkey, until));
        }
        else
        {
            OnGivenUp(new SubmissionGivenUp(v, m.TaskId, m.Reply.Error ?? m.Reply.Kind.ToString(), m.Reply.Kind == SubmitReplyKind.TransportError));
            return;
        }
        Decide(v.Hotkey);
    }

    private void OnGivenUp(SubmissionGivenUp m)
    {
        var v = m.Validator;
        Persist(new SubmissionAbandoned(v.Hotkey, v.Uid, Now, m.TaskId, m.Reason, m.TransportFailure));
        Tell(new ValidatorCooldownKnown(v.Hotkey, Now + _options.PollerBackoff));
        Decide(v.Hotkey);
    }

    private void Decide(string hotkey)
    {
        if (_ledger.RuleDecision(hotkey, Now) is { } decision) Persist(decision);
    }

    /// <summary>Applies an event and tells subscribers what changed (the journal write goes here later).</summary>
    private void Persist(IScoreEvent evt)
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
