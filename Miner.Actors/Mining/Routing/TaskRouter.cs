using Miner.Actors.Generation;
using Akka.Actor;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Logging;
using Miner.Actors.Mining.Ledger;
using Miner.Actors.Mining.Polling;
using Miner.Actors.Mining.Submission;
using TaskPulled = Miner.Actors.Mining.Polling.TaskPulled;

namespace Miner.Actors.Mining.Routing;

/// <summary>
/// Demand-driven dispatch. GPUs ask for work (<see cref="WorkRequest"/>, a newer one replacing the older); the router
/// pulls only as many tasks as there are open slots, from available validators chosen by the pick policy, and hands
/// each task to a GPU that asked. It tracks every task from pull to submission: results go to the Submitter with the
/// protocol context; a task whose GPU dies, or that no GPU reported (or took) within
/// <see cref="MiningOptions.GpuResultTimeout"/> of its pull, is declined (empty submission, no penalty), so nothing pulled is ever left unsubmitted.
/// With a <see cref="TaskLedger"/> it records every pull and settlement there, and at start it reads what was in
/// flight before a restart: validators holding a task for us are pulled first (they hand the same task back), and a
/// validator whose submission's answer the crash lost is not pulled before
/// <see cref="MiningOptions.UnansweredSubmissionHold"/> after the send (it may have cooled us down).
/// </summary>
public sealed partial class TaskRouter : IntrospectiveReceiveActor
{
    private readonly IActorRef _submitter;
    private readonly MiningOptions _options;
    private readonly IValidatorPickPolicy _policy;
    private readonly Random _random;
    private readonly Dictionary<string, PollerSlot> _pollers = new(StringComparer.Ordinal);
    private readonly Dictionary<IActorRef, GpuDemand> _gpus = new();
    private readonly List<IActorRef> _gpuOrder = new();
    private readonly Dictionary<long, string> _pulls = new();
    private readonly Dictionary<string, InFlightTask> _inFlight = new(StringComparer.Ordinal);
    private readonly Queue<string> _waiting = new();
    private readonly IActorRef? _ledger;
    private readonly Dictionary<string, string> _resume = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _heldUntil = new(StringComparer.Ordinal);
    private bool _recovered;
    private bool _draining;
    private readonly List<IActorRef> _drainWaiters = new();
    private DateTimeOffset _recoveryStarted;
    private long _nextRequest;
    private int _nextGpu;

    /// <summary>How often the ledger is asked again for the tasks in flight before the restart.</summary>
    public static readonly TimeSpan RecoveryRetry = TimeSpan.FromSeconds(5);

    /// <summary>How long the ledger is waited for before mining without its recovery.</summary>
    public static readonly TimeSpan RecoveryPatience = TimeSpan.FromSeconds(60);

    /// <summary>After recovery, how long only validators holding our tasks are pulled while some of them have no poller yet.</summary>
    public static readonly TimeSpan ResumeGrace = TimeSpan.FromSeconds(60);

    public TaskRouter(IActorRef submitter, MiningOptions options, IValidatorPickPolicy? policy = null, Random? random = null, IActorRef? ledger = null)
    {
        _submitter = submitter;
        _options = options;
        _policy = policy ?? IValidatorPickPolicy.Create(options);
        _random = random ?? new Random();
        _ledger = ledger;
        _recovered = ledger is null;

        Receive<PollerStarted>(m =>
        {
            _pollers[m.Validator.Hotkey] = new PollerSlot(m.Validator, m.Poller) { Available = true };
            Dispatch();
        });
        Receive<PollerStopped>(m =>
        {
            _pollers.Remove(m.Hotkey);
            foreach (var id in _pulls.Where(p => p.Value == m.Hotkey).Select(p => p.Key).ToList()) _pulls.Remove(id);
            Dispatch();
        });
        Receive<PollerAvailability>(OnAvailability);
        Receive<TaskPulled>(OnTaskPulled);
        Receive<WorkRequest>(OnWorkRequest);
        Receive<GpuHealthChanged>(OnHealth);
        Receive<GenerationResult>(OnResult);
        Receive<SubmissionFinished>(OnFinished);
        Receive<ResultOverdue>(m =>
        {
            if (_inFlight.TryGetValue(m.TaskId, out var t) && t.Stage != InFlightStage.Submitting)
                Decline(t, t.Stage == InFlightStage.Generating
                    ? $"{t.Gpu} did not report within {_options.GpuResultTimeout} of the pull"
                    : $"no GPU asked for it within {_options.GpuResultTimeout} of the pull");
        });
        Receive<Terminated>(OnGpuTerminated);
        Receive<UnsettledTasks>(OnUnsettled);
        Receive<RecoveryDue>(_ => OnRecoveryDue());
        Receive<HoldOver>(m =>
        {
            if (!_heldUntil.TryGetValue(m.Hotkey, out var until)) return;
            if (Now < until) Timers.StartSingleTimer(("held", m.Hotkey), m, until - Now); // an early tick waits out the rest
            else
            {
                _heldUntil.Remove(m.Hotkey);
                Dispatch();
            }
        });
        Receive<TaskRecorded>(_ => { });
        Receive<StopPulling>(_ => OnStopPulling());
        Receive<ResumePulling>(_ => OnResumePulling());
        Receive<WhenDrained>(_ =>
        {
            _drainWaiters.Add(Sender);
            ReplyIfDrained();
        });
        Receive<DeclineInFlight>(OnDeclineInFlight);
        Receive<GetInFlightTasks>(_ => Sender.Tell(new InFlightTasks(_inFlight.Values.ToList(), OpenSlots, _pulls.Count,
            _pollers.Values.Count(p => p.Available))));
    }

    private DateTimeOffset Now => Context.System.Scheduler.Now;

    private int OpenSlots => _gpus.Values.Where(g => g.Healthy).Sum(g => g.Slots);

    protected override string DescribeState() =>
        $"policy {_policy.Name}; {_inFlight.Count} tasks in flight, {_waiting.Count} waiting for a GPU, {OpenSlots} open slots, " +
        $"{_pulls.Count} pulls, {_pollers.Values.Count(p => p.Available)}/{_pollers.Count} validators available" +
        (_recovered ? "" : "; waiting for the task ledger") +
        (_resume.Count > 0 ? $"; {_resume.Count} validators to re-pull after the restart" : "") +
        (_heldUntil.Count > 0 ? $"; {_heldUntil.Count} held after a lost answer" : "");

    private void OnWorkRequest(WorkRequest m)
    {
        var gpu = Sender;
        if (!_gpus.TryGetValue(gpu, out var demand))
        {
            demand = new GpuDemand(m.Gpu);
            _gpus[gpu] = demand;
            _gpuOrder.Add(gpu);
            Context.Watch(gpu);
        }
        demand.Slots = Math.Max(0, m.Slots);
        demand.Healthy = true;
        Dispatch();
    }

    private void OnHealth(GpuHealthChanged m)
    {
        foreach (var (_, demand) in _gpus.Where(g => g.Value.Gpu == m.Gpu))
        {
            demand.Healthy = m.Healthy;
            if (!m.Healthy) demand.Slots = 0;
        }
        Log.Info("{Gpu} is {State}: {Reason}", m.Gpu, m.Healthy ? "healthy" : "unhealthy", m.Reason);
        Dispatch();
    }

    private void OnAvailability(PollerAvailability m)
    {
        if (m.RequestId is { } id) _pulls.Remove(id);
        if (_pollers.TryGetValue(m.Hotkey, out var slot)) slot.Available = m.Available;
        Dispatch();
    }

    private void OnTaskPulled(TaskPulled m)
    {
        _pulls.Remove(m.RequestId);
        if (_pollers.TryGetValue(m.Validator.Hotkey, out var slot)) slot.Available = false;
        if (_resume.Remove(m.Validator.Hotkey, out var before))
            Log.With("TaskId", m.Task.Id).Info(before == m.Task.Id
                ? "uid {Uid} handed back task {TaskId} from before the restart: resuming it"
                : "uid {Uid} handed out task {TaskId}: its task from before the restart is settled", m.Validator.Uid, m.Task.Id);
        _ledger?.Tell(new RecordTask(new Ledger.TaskPulled(m.Validator.Hotkey, m.Validator.Uid, m.Task.Id, m.Task.Kind,
            m.Task.Kind == Models.Protocol.TaskKind.Text ? m.Task.Prompt : "", m.PulledAt)), Self);
        if (_inFlight.ContainsKey(m.Task.Id))
        {
            Log.With("TaskId", m.Task.Id).Info("task {TaskId} from uid {Uid} is already in flight; not dispatched twice", m.Task.Id, m.Validator.Uid);
            Dispatch();
            return;
        }
        _inFlight[m.Task.Id] = new InFlightTask(m.Task.Id, m.Validator, m.Task, m.PulledAt, InFlightStage.Waiting, null, null, null, null);
        _waiting.Enqueue(m.Task.Id);
        Timers.StartSingleTimer(("overdue", m.Task.Id), new ResultOverdue(m.Task.Id), _options.GpuResultTimeout);
        Dispatch();
    }

    private void OnResult(GenerationResult m)
    {
        if (!_inFlight.TryGetValue(m.TaskId, out var t) || t.Stage != InFlightStage.Generating)
        {
            Log.With("TaskId", m.TaskId).Info("result for task {TaskId} from {Gpu} ignored: the task is no longer with a GPU", m.TaskId, m.Gpu);
            return;
        }
        Timers.Cancel(("overdue", m.TaskId));
        var timings = string.Join(", ", m.Timings.Select(s => $"{s.Stage} {s.Elapsed.TotalSeconds:F1}s"));
        Log.With("TaskId", m.TaskId).Info("{Gpu} finished {TaskId}: {Outcome} ({Reason}) {Timings}", m.Gpu, m.TaskId, m.Outcome, m.Reason, timings);
        ToSubmitter(t, m.Outcome, m.Cloud, m.Reason);
        Dispatch(); // the card may be idle now: a task held for the first free card goes to it
    }

    private void OnFinished(SubmissionFinished m)
    {
        if (!_inFlight.Remove(m.TaskId)) return;
        ReplyIfDrained();
        // A submission given up may still have landed: the entry stays until that validator's next task supersedes it.
        if (m.Delivered) _ledger?.Tell(new RecordTask(new TaskSettled(m.TaskId, Now)), Self);
        if (_pollers.TryGetValue(m.Hotkey, out var slot) && m.Delivered && !m.Declined)
        {
            slot.Scored++;
            if (m.Accepted) slot.Accepted++;
        }
    }

    private void OnGpuTerminated(Terminated t)
    {
        if (!_gpus.Remove(t.ActorRef, out var demand)) return;
        var index = _gpuOrder.IndexOf(t.ActorRef);
        _gpuOrder.RemoveAt(index);
        if (index < _nextGpu) _nextGpu--;
        if (_nextGpu >= _gpuOrder.Count) _nextGpu = 0;
        foreach (var task in _inFlight.Values.Where(x => x.Stage == InFlightStage.Generating && Equals(x.GpuRef, t.ActorRef)).ToList())
            Decline(task, $"{demand.Gpu} stopped with the task in hand");
        Dispatch();
    }

    private void Decline(InFlightTask t, string reason)
    {
        Log.With("TaskId", t.TaskId).Warning("declining {TaskId} for uid {Uid}: {Reason}", t.TaskId, t.Validator.Uid, reason);
        Timers.Cancel(("overdue", t.TaskId));
        ToSubmitter(t, GenerationOutcome.Declined, null, reason);
    }

    private void ToSubmitter(InFlightTask t, GenerationOutcome outcome, Models.Splats.GaussianCloud? cloud, string reason)
    {
        _inFlight[t.TaskId] = t with { Stage = InFlightStage.Submitting, SubmittingAt = Now };
        _submitter.Tell(new SubmitRequest(t.TaskId, t.Validator, t.Task, outcome, cloud, reason, t.PulledAt), Self);
    }

    /// <summary>Gives waiting tasks to GPUs that asked, then pulls for the slots still open.</summary>
    private void Dispatch()
    {
        if (!_recovered) return;
        if (_draining)
        {
            foreach (var waiting in _inFlight.Values.Where(t => t.Stage == InFlightStage.Waiting).ToList())
                Decline(waiting, "the miner is shutting down and no GPU has it yet");
            return;
        }
        while (_waiting.Count > 0 && NextGpuWithSlot() is { } gpu)
        {
            var id = _waiting.Dequeue();
            if (!_inFlight.TryGetValue(id, out var t) || t.Stage != InFlightStage.Waiting) continue;
            var demand = _gpus[gpu];
            demand.Slots--;
            var task = new GenerationTask(t.TaskId, t.Task.Kind, t.Task.Prompt, _random.Next(), t.PulledAt + _options.TargetTime);
            _inFlight[id] = t with { Stage = InFlightStage.Generating, Gpu = demand.Gpu, GpuRef = gpu, DispatchedAt = Now };
            gpu.Tell(task, Self);
        }
        var wanted = OpenSlots - _pulls.Count - _waiting.Count;
        while (wanted > 0)
        {
            var busy = _pulls.Values.ToHashSet(StringComparer.Ordinal);
            var candidates = _pollers.Values
                .Where(p => p.Available && !busy.Contains(p.Validator.Hotkey) && !_heldUntil.ContainsKey(p.Validator.Hotkey))
                .Select(p => new PickCandidate(p.Validator.Hotkey, p.Validator.Uid, p.Validator.StakeTao, p.Scored, p.Accepted))
                .ToList();
            var resuming = candidates.Where(c => _resume.ContainsKey(c.Hotkey)).ToList();
            // Just after a restart the validators holding our tasks may not have pollers yet: wait for them a little.
            if (resuming.Count == 0 && AwaitingResumePollers) return;
            if (candidates.Count == 0) return;
            var pick = resuming.Count > 0 ? resuming[0] : _policy.Pick(candidates);
            var slot = _pollers[pick.Hotkey];
            slot.Available = false;
            var requestId = ++_nextRequest;
            _pulls[requestId] = pick.Hotkey;
            slot.Poller.Tell(new PullNow(requestId), Self);
            wanted--;
        }
    }

    private bool AwaitingResumePollers =>
        Now - _recoveryStarted < ResumeGrace && _resume.Keys.Any(h => !_pollers.ContainsKey(h) && !_heldUntil.ContainsKey(h));

    /// <summary>
    /// The GPU a waiting task goes to now: an idle one that asked (nothing of ours generating on it), in turn among
    /// them; failing that, a busy one with a free prefetch slot only when it is the only healthy card. With several
    /// cards a task is not queued behind a running one: nobody knows which card frees first, so it waits here and goes
    /// to whichever card is idle first (one shared queue instead of one per card). Every second a task waits in a
    /// card's queue while another card is free counts against the validator's throttle period and, past it, lengthens
    /// that validator's cooldown.
    /// </summary>
    private IActorRef? NextGpuWithSlot()
    {
        IActorRef? busyWithSlot = null;
        var healthy = 0;
        for (var i = 0; i < _gpuOrder.Count; i++)
        {
            var index = (_nextGpu + i) % _gpuOrder.Count;
            var gpu = _gpuOrder[index];
            var demand = _gpus[gpu];
            if (!demand.Healthy) continue;
            healthy++;
            if (demand.Slots <= 0) continue;
            if (IsGenerating(gpu))
            {
                busyWithSlot ??= gpu;
                continue;
            }
            _nextGpu = (index + 1) % _gpuOrder.Count;
            return gpu;
        }
        return healthy == 1 ? busyWithSlot : null;
    }

    private bool IsGenerating(IActorRef gpu) =>
        _inFlight.Values.Any(t => t.Stage == InFlightStage.Generating && Equals(t.GpuRef, gpu));

    private sealed class PollerSlot(Mining.Edge.ValidatorInfo validator, IActorRef poller)
    {
        public Mining.Edge.ValidatorInfo Validator { get; } = validator;
        public IActorRef Poller { get; } = poller;
        public bool Available { get; set; }
        public int Scored { get; set; }
        public int Accepted { get; set; }
    }

    private sealed class GpuDemand(string gpu)
    {
        public string Gpu { get; } = gpu;
        public int Slots { get; set; }
        public bool Healthy { get; set; } = true;
    }

    private sealed record ResultOverdue(string TaskId);

    private sealed record HoldOver(string Hotkey);

    private sealed record RecoveryDue
    {
        public static readonly RecoveryDue Instance = new();
    }
}
