using Miner.Actors.Generation;
using Akka.Actor;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Logging;
using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Ledger;
using Miner.Actors.Mining.Scoring;
using Miner.Models.Splats;

namespace Miner.Actors.Mining.Submission;

/// <summary>
/// Compresses (off the handler, piped back), signs and submits each finished task once; a declined task gets an empty
/// submission. A submission with no answer is retried with backoff within the retry budget, then given up. A second
/// <see cref="SubmitRequest"/> for a task id already being submitted, or one the validator already settled (answered
/// with a cooldown in the future), is refused; an id whose answer left the task assigned (cooldown not in the future,
/// e.g. the validator's validation lock) may be submitted again. Every outcome goes to the ScoreKeeper and the router.
/// With a <see cref="TaskLedger"/>, a submission is sent only once the ledger has written that it is being sent, so a
/// restart knows the validator may be cooling us down; a ledger silent for <see cref="SubmitRetryOptions.RecordTimeout"/> is passed by
/// (a labelled fallback: the task is still submitted).
/// </summary>
public sealed class Submitter : IntrospectiveReceiveActor
{
    private const int SettledMemory = 100_000;

    private readonly IValidatorClient _client;
    private readonly IResultEncoder _encoder;
    private readonly IActorRef _scoreKeeper;
    private readonly SubmitRetryOptions _retry;
    private readonly CloudStatisticsOptions _buckets;
    private readonly IActorRef? _ledger;
    private readonly Dictionary<string, Pending> _active = new(StringComparer.Ordinal);
    private readonly HashSet<string> _settled = new(StringComparer.Ordinal);
    private readonly Queue<string> _settledOrder = new();

    public Submitter(IValidatorClient client, IResultEncoder encoder, IActorRef scoreKeeper, SubmitRetryOptions retry,
        CloudStatisticsOptions? buckets = null, IActorRef? ledger = null)
    {
        _ledger = ledger;
        _client = client;
        _encoder = encoder;
        _scoreKeeper = scoreKeeper;
        _retry = retry;
        _buckets = buckets ?? new CloudStatisticsOptions();

        Receive<SubmitRequest>(OnRequest);
        Receive<Encoded>(m =>
        {
            if (!_active.TryGetValue(m.TaskId, out var p)) return;
            p.Spz = m.Spz;
            Send(p);
        });
        Receive<EncodeFailed>(m =>
        {
            if (!_active.TryGetValue(m.TaskId, out var p)) return;
            Log.With("TaskId", m.TaskId).Error(m.Error, "compressing task {TaskId} failed; declining it instead", m.TaskId);
            p.Spz = [];
            p.Declined = true;
            Send(p);
        });
        Receive<Replied>(OnReplied);
        Receive<TaskRecorded>(m =>
        {
            if (!_active.TryGetValue(m.TaskId, out var p) || p.Recorded) return;
            Timers.Cancel(("record", m.TaskId));
            p.Recorded = true;
            Send(p);
        });
        Receive<RecordOverdue>(m =>
        {
            if (!_active.TryGetValue(m.TaskId, out var p) || p.Recorded) return;
            Log.With("TaskId", m.TaskId).Warning("the task ledger did not confirm within {Timeout} that task {TaskId} is being submitted; " +
                "submitting without the record (fallback): a crash before the answer could cost a cooldown violation", _retry.RecordTimeout, m.TaskId);
            p.Recorded = true;
            Send(p);
        });
        Receive<Retry>(m =>
        {
            if (_active.TryGetValue(m.TaskId, out var p)) Send(p);
        });
    }

    private DateTimeOffset Now => Context.System.Scheduler.Now;

    protected override string DescribeState() => $"{_active.Count} submissions in progress, {_settled.Count} settled ids remembered";

    private void OnRequest(SubmitRequest m)
    {
        if (_active.ContainsKey(m.TaskId) || _settled.Contains(m.TaskId))
        {
            Log.With("TaskId", m.TaskId).Warning("refusing a second submission for task {TaskId} to uid {Uid}", m.TaskId, m.Validator.Uid);
            Sender.Tell(new SubmissionFinished(m.TaskId, m.Validator.Hotkey, false, false, false, "duplicate: already submitted"));
            return;
        }
        var declined = m.Outcome != GenerationOutcome.Generated || m.Cloud is null;
        var pending = new Pending(m, Sender) { Declined = declined, GaussianCount = declined ? null : m.Cloud!.Count };
        _active[m.TaskId] = pending;
        if (declined)
        {
            pending.Spz = [];
            Send(pending);
            return;
        }
        var taskId = m.TaskId;
        _encoder.EncodeAsync(m.Cloud!, CancellationToken.None).PipeTo(Self,
            success: spz => new Encoded(taskId, spz),
            failure: error => new EncodeFailed(taskId, error));
    }

    private void Send(Pending p)
    {
        if (_ledger is not null && !p.Recorded)
        {
            if (p.Recording) return;
            p.Recording = true;
            var id = p.Request.TaskId;
            _ledger.Tell(new RecordTask(p.Declined ? new TaskDeclined(id, Now) : new TaskSubmitted(id, Now)), Self);
            Timers.StartSingleTimer(("record", id), new RecordOverdue(id), _retry.RecordTimeout);
            return;
        }
        p.Attempt++;
        p.FirstAttempt ??= Now;
        var taskId = p.Request.TaskId;
        var attempt = p.Attempt;
        _client.SubmitAsync(p.Request.Validator, p.Request.Task, p.Spz!).PipeTo(Self,
            success: reply => new Replied(taskId, attempt, reply),
            failure: error => new Replied(taskId, attempt, SubmitReply.Failed(error.Message)));
    }

    private void OnReplied(Replied m)
    {
        if (!_active.TryGetValue(m.TaskId, out var p) || p.Attempt != m.Attempt) return;
        var request = p.Request;
        var log = Log.With("TaskId", request.TaskId).With("ValidatorUid", request.Validator.Uid);
        var reply = m.Reply;
        if (reply.Kind == SubmitReplyKind.TransportError)
        {
            var delay = _retry.DelayBefore(p.Attempt + 1);
            if (p.Attempt < _retry.Attempts && Now + delay - p.FirstAttempt!.Value <= _retry.Window)
            {
                log.Info("submission of {TaskId} to uid {Uid} got no answer (attempt {Attempt}), retrying in {Delay}: {Error}",
                    request.TaskId, request.Validator.Uid, p.Attempt, delay, reply.Error);
                Timers.StartSingleTimer(("retry", request.TaskId), new Retry(request.TaskId), delay);
                return;
            }
            GiveUp(p, $"no answer after {p.Attempt} attempts: {reply.Error}", transport: true);
            return;
        }
        if (reply.Kind == SubmitReplyKind.Refused)
        {
            GiveUp(p, $"refused: {reply.Error}", transport: false);
            return;
        }
        _active.Remove(request.TaskId);
        if (reply.CooldownUntil is { } until && until > Now) Remember(request.TaskId);
        var accepted = reply.Feedback is { } f && !p.Declined && ScoreLedger.IsAccepted(f);
        DensityBucket? bucket = p.GaussianCount is { } n ? n < _buckets.SparseBelow ? DensityBucket.Sparse : n > _buckets.DenseAbove ? DensityBucket.Dense : DensityBucket.Medium : null;
        _scoreKeeper.Tell(new SubmissionReported(request.Validator, request.TaskId, p.Declined, reply, bucket), Self);
        var detail = p.Declined
            ? $"declined ({request.Reason})"
            : $"{p.GaussianCount} gaussians, {p.Spz!.Length} SPZ bytes, score {reply.Feedback?.TaskFidelityScore.ToString("F3") ?? "none"}{(accepted ? " accepted" : "")}";
        log.Info("task {TaskId} for uid {Uid}: {Detail}; {Elapsed:F1} s since pull, cooldown until {Cooldown}",
            request.TaskId, request.Validator.Uid, detail, (Now - request.PulledAt).TotalSeconds, reply.CooldownUntil?.ToString("u") ?? "not given");
        p.ReplyTo.Tell(new SubmissionFinished(request.TaskId, request.Validator.Hotkey, true, p.Declined, accepted, detail), Self);
    }

    private void GiveUp(Pending p, string reason, bool transport)
    {
        var request = p.Request;
        _active.Remove(request.TaskId);
        Log.With("TaskId", request.TaskId).Warning("gave up submitting {TaskId} to uid {Uid}: {Reason}", request.TaskId, request.Validator.Uid, reason);
        _scoreKeeper.Tell(new SubmissionGivenUp(request.Validator, request.TaskId, reason, transport), Self);
        p.ReplyTo.Tell(new SubmissionFinished(request.TaskId, request.Validator.Hotkey, false, p.Declined, false, reason), Self);
    }

    private void Remember(string taskId)
    {
        if (!_settled.Add(taskId)) return;
        _settledOrder.Enqueue(taskId);
        if (_settledOrder.Count > SettledMemory) _settled.Remove(_settledOrder.Dequeue());
    }

    private sealed class Pending(SubmitRequest request, IActorRef replyTo)
    {
        public SubmitRequest Request { get; } = request;
        public IActorRef ReplyTo { get; } = replyTo;
        public bool Declined { get; set; }
        public int? GaussianCount { get; set; }
        public byte[]? Spz { get; set; }
        public int Attempt { get; set; }
        public DateTimeOffset? FirstAttempt { get; set; }
        public bool Recording { get; set; }
        public bool Recorded { get; set; }
    }

    private sealed record RecordOverdue(string TaskId);

    private sealed record Encoded(string TaskId, byte[] Spz);

    private sealed record EncodeFailed(string TaskId, Exception Error);

    private sealed record Replied(string TaskId, int Attempt, SubmitReply Reply);

    private sealed record Retry(string TaskId);
}
