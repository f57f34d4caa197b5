using Miner.Actors.Generation;
using Miner.Actors.Kernel;
using Miner.Actors.Mining.Polling;
using Miner.Actors.Mining.Submission;

namespace Miner.Actors.Mining.Routing;

/// <summary>
/// Demand-driven dispatch. GPUs ask for work (<see cref="WorkRequest"/>, a newer one replacing the older); the router
/// pulls only as many tasks as there are open slots, from available validators chosen by the pick policy, and hands
/// each task to a GPU that asked. It tracks every task from pull to submission: results go to the Submitter with the
/// protocol context; a task whose GPU dies, or that no GPU reported (or took) within
/// <see cref="MiningOptions.GpuResultTimeout"/> of its pull, is declined (empty submission, no penalty), so nothing pulled is ever left unsubmitted.
/// </summary>
public sealed class TaskRouter : ReceiveActor
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
    private long _nextRequest;
    private int _nextGpu;

    public TaskRouter(IActorRef submitter, MiningOptions options, IValidatorPickPolicy? policy = null, Random? random = null)
    {
        _submitter = submitter;
        _options = options;
        _policy = policy ?? IValidatorPickPolicy.Create(options);
        _random = random ?? new Random();

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
        Receive<GetInFlightTasks>(_ => Sender.Tell(new InFlightTasks(_inFlight.Values.ToList(), OpenSlots, _pulls.Count,
            _pollers.Values.Count(p => p.Available))));
    }

    private DateTimeOffset Now => Context.System.Scheduler.UtcNow;

    private int OpenSlots => _gpus.Values.Where(g => g.Healthy).Sum(g => g.Slots);

    protected internal override string? DescribeState() =>
        $"policy {_policy.Name}; {_inFlight.Count} tasks in flight, {_waiting.Count} waiting for a GPU, {OpenSlots} open slots, " +
        $"{_pulls.Count} pulls, {_pollers.Values.Count(p => p.Available)}/{_pollers.Count} validators available";

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
    }

    private void OnFinished(SubmissionFinished m)
    {
        if (!_inFlight.Remove(m.TaskId)) return;
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
                .Where(p => p.Available && !busy.Contains(p.Validator.Hotkey))
                .Select(p => new PickCandidate(p.Validator.Hotkey, p.Validator.Uid, p.Validator.StakeTao, p.Scored, p.Accepted))
                .ToList();
            if (candidates.Count == 0) return;
            var pick = _policy.Pick(candidates);
            var slot = _pollers[pick.Hotkey];
            slot.Available = false;
            var requestId = ++_nextRequest;
            _pulls[requestId] = pick.Hotkey;
            slot.Poller.Tell(new PullNow(requestId), Self);
            wanted--;
        }
    }

    private IActorRef? NextGpuWithSlot()
    {
        for (var i = 0; i < _gpuOrder.Count; i++)
        {
            var index = (_nextGpu + i) % _gpuOrder.Count;
            var gpu = _gpuOrder[index];
            var demand = _gpus[gpu];
            if (!demand.Healthy || demand.Slots <= 0) continue;
            _nextGpu = (index + 1) % _gpuOrder.Count;
            return gpu;
        }
        return null;
    }

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
}
