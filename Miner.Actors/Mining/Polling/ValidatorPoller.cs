using Akka.Actor;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Logging;
using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Scoring;

namespace Miner.Actors.Mining.Polling;

/// <summary>
/// Pulls from one validator, only when the router asks and only when allowed: never two pulls in flight, never during
/// a known cooldown (plus a safety margin), never while a task it handed out waits for its submission's answer (the
/// validator would just hand the same task back). A task goes to the router; a cooldown is reported to the
/// ScoreKeeper and makes the poller unavailable until it ends; a transport error or an empty reply backs off.
/// </summary>
public sealed class ValidatorPoller : IntrospectiveReceiveActor
{
    private readonly IValidatorClient _client;
    private readonly IActorRef _router;
    private readonly IActorRef _scoreKeeper;
    private readonly MiningOptions _options;
    private ValidatorInfo _validator;
    private long? _pullInFlight;
    private string? _heldTask;
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;
    private string _blockedReason = "";
    private int _transportFailures;

    public ValidatorPoller(ValidatorInfo validator, IValidatorClient client, IActorRef router, IActorRef scoreKeeper, MiningOptions options)
    {
        _validator = validator;
        _client = client;
        _router = router;
        _scoreKeeper = scoreKeeper;
        _options = options;

        Receive<PullNow>(OnPullNow);
        Receive<PullDone>(OnPullDone);
        Receive<ValidatorCooldownKnown>(m =>
        {
            // Only the answer for the task held releases it: a late answer for an older task (a lagging ScoreKeeper
            // journal) must not let the poller pull while the current task's cooldown runs.
            if (m.TaskId is not null && m.TaskId == _heldTask)
            {
                _heldTask = null;
                Timers.Cancel("holding");
            }
            Block(m.Until + _options.CooldownMargin, "cooldown after submission");
            AnnounceIfAvailable();
        });
        Receive<ValidatorUpdated>(m => _validator = m.Validator);
        Receive<BecameAvailable>(_ =>
        {
            // A tick that arrives early must not leave the poller silent: wait out the rest.
            if (Now < _blockedUntil) Timers.StartSingleTimer("available", BecameAvailable.Instance, _blockedUntil - Now);
            else AnnounceIfAvailable();
        });
        Receive<HoldingExpired>(m =>
        {
            if (_heldTask != m.TaskId) return;
            // The submission's outcome never reached us (a lost message, a restarted ScoreKeeper): stop waiting. A pull
            // after the backoff returns the task again if the validator still holds it, and the router resumes it.
            ValidatorLog.Warning("no word on task {TaskId} for {Timeout}; releasing it and backing off", m.TaskId, HoldingTimeout);
            _heldTask = null;
            Block(Now + _options.PollerBackoff, "backing off after an unanswered hold");
        });
    }

    private DateTimeOffset Now => Context.System.Scheduler.Now;

    /// <summary>Longest a task can legitimately take from pull to the submission's final answer, plus slack.</summary>
    private TimeSpan HoldingTimeout => _options.GpuResultTimeout + _options.SubmitRetry.Window + TimeSpan.FromMinutes(10);

    private ILoggingAdapter ValidatorLog => Log.With("ValidatorUid", _validator.Uid);

    protected override void PreStart() => AnnounceIfAvailable();

    protected override string DescribeState() =>
        _pullInFlight is not null ? "pulling"
        : _heldTask is { } held ? $"holding task {held} until its submission is answered"
        : Now < _blockedUntil ? $"{_blockedReason} until {_blockedUntil:u}"
        : "available";

    private void OnPullNow(PullNow m)
    {
        if (_pullInFlight is not null)
        {
            Sender.Tell(new PollerAvailability(_validator.Hotkey, false, null, "a pull is already in flight", m.RequestId));
            return;
        }
        if (_heldTask is { } held)
        {
            Sender.Tell(new PollerAvailability(_validator.Hotkey, false, null, $"task {held} awaits its submission's answer", m.RequestId));
            return;
        }
        if (Now < _blockedUntil)
        {
            Sender.Tell(new PollerAvailability(_validator.Hotkey, false, _blockedUntil, _blockedReason, m.RequestId));
            return;
        }
        _pullInFlight = m.RequestId;
        var requestId = m.RequestId;
        _client.PullAsync(_validator).PipeTo(Self,
            success: reply => new PullDone(requestId, reply),
            failure: error => new PullDone(requestId, PullReply.Failed(error.Message)));
    }

    private void OnPullDone(PullDone m)
    {
        _pullInFlight = null;
        var reply = m.Reply;
        _scoreKeeper.Tell(new PullReported(_validator, reply), Self);
        _transportFailures = reply.Kind == PullReplyKind.TransportError ? _transportFailures + 1 : 0;
        switch (reply.Kind)
        {
            case PullReplyKind.Task:
                _heldTask = reply.Task!.Id;
                Timers.StartSingleTimer("holding", new HoldingExpired(_heldTask), HoldingTimeout);
                ValidatorLog.With("TaskId", reply.Task.Id).Info("pulled {Task} from uid {Uid}", reply.Task, _validator.Uid);
                _router.Tell(new TaskPulled(_validator, reply.Task, Now, m.RequestId), Self);
                return;
            case PullReplyKind.Cooldown:
                Block(reply.CooldownUntil!.Value + _options.CooldownMargin, $"validator cooldown ({reply.Violations} violations)");
                if (reply.Violations > 0)
                    ValidatorLog.Warning("uid {Uid} reports {Violations} cooldown violations", _validator.Uid, reply.Violations);
                break;
            case PullReplyKind.Empty:
                Block(Now + _options.PollerBackoff, "empty reply, backing off");
                break;
            default:
                var retry = RetryDelay(_transportFailures);
                Block(Now + retry, "transport error, backing off");
                ValidatorLog.Info("pull from uid {Uid} failed ({Failures} in a row), retrying in {Delay}: {Error}", _validator.Uid, _transportFailures, retry, reply.Error);
                break;
        }
        // A cooldown that already ended (a slow reply) leaves no timer to announce the poller later: say so now.
        var available = Now >= _blockedUntil;
        _router.Tell(new PollerAvailability(_validator.Hotkey, available, available ? null : _blockedUntil,
            available ? "available" : _blockedReason, m.RequestId), Self);
    }

    /// <summary>
    /// After the <paramref name="failures"/>-th transport error in a row: <see cref="MiningOptions.PullRetryDelay"/>,
    /// doubled for each earlier one, capped at <see cref="MiningOptions.PollerBackoff"/>.
    /// </summary>
    private TimeSpan RetryDelay(int failures)
    {
        var seconds = _options.PullRetryDelay.TotalSeconds * Math.Pow(2, Math.Min(30, Math.Max(0, failures - 1)));
        return TimeSpan.FromSeconds(Math.Min(seconds, _options.PollerBackoff.TotalSeconds));
    }

    private void Block(DateTimeOffset until, string reason)
    {
        if (until <= _blockedUntil) return;
        _blockedUntil = until;
        _blockedReason = reason;
        if (until > Now) Timers.StartSingleTimer("available", BecameAvailable.Instance, until - Now);
    }

    private void AnnounceIfAvailable()
    {
        if (_pullInFlight is null && _heldTask is null && Now >= _blockedUntil)
            _router.Tell(new PollerAvailability(_validator.Hotkey, true, null, "available"), Self);
    }

    private sealed record PullDone(long RequestId, PullReply Reply);

    private sealed record HoldingExpired(string TaskId);

    private sealed record BecameAvailable
    {
        public static readonly BecameAvailable Instance = new();
    }
}
