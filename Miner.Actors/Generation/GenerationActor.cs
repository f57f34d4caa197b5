using System.Globalization;
using Miner.Actors.Kernel;
using Miner.Models.Imaging;
using Miner.Models.Protocol;
using Miner.Models.Splats;
using Miner.Models.Validation;

namespace Miner.Actors.Generation;

/// <summary>
/// One GPU card (<c>gpu-&lt;n&gt;</c>). Demand-driven: it asks the router for work while it has room (one running plus
/// <see cref="GenerationOptions.Prefetch"/> queued) and takes each task through its stage children one at a time:
/// <c>image</c> (text tasks only), <c>mask</c>, <c>trellis</c>, <c>ply</c>. It asks for the next task as soon as the
/// PLY stage hands a cloud off. A stage that throws, hangs or returns garbage is stopped by this actor's supervision
/// and re-created after an exponential backoff; the task is retried if its budget and deadline allow, else declined.
/// Too many consecutive failures quarantine the card: it tells the router, asks for nothing, and probes its backends
/// until they answer. Every task it is given yields exactly one <see cref="GenerationResult"/>, sent to the router,
/// even when this actor stops.
/// </summary>
public sealed class GenerationActor : ReceiveActor
{
    private const string ProbeTimerKey = "probe";
    private static readonly string[] StageOrder = [StageNames.Image, StageNames.Mask, StageNames.Trellis, StageNames.PlyWrite];

    private readonly string _gpu;
    private readonly IActorRef _router;
    private readonly GpuBackends _backends;
    private readonly ISplatGate _gate;
    private readonly GenerationOptions _options;
    private readonly SplatOptions _splats;
    private readonly TaskScheduler _cpu;

    private readonly Queue<GenerationTask> _queue = new();
    private readonly Dictionary<string, IActorRef?> _stages = new();
    private readonly Dictionary<string, int> _stageFailures = new();
    private readonly Dictionary<string, Exception> _failureCauses = new();
    private readonly Dictionary<string, (string TaskId, int Attempt)> _inFlight = new();
    private TaskRun? _current;
    private ProbeRun? _probe;
    private int _probeCount;
    private bool _healthy = true;
    private int _consecutiveFailures;
    private int _owed;
    private int _completed;
    private int _declined;

    /// <param name="cpu">Where CPU work (PNG decoding, the PLY stage) runs; the thread pool unless a spec runs it inline.</param>
    public GenerationActor(string gpu, IActorRef router, GpuBackends backends, ISplatGate gate, GenerationOptions options,
        SplatOptions? splats = null, TaskScheduler? cpu = null)
    {
        options.Validate();
        _gpu = gpu;
        _router = router;
        _backends = backends;
        _gate = gate;
        _options = options;
        _splats = splats ?? new SplatOptions();
        _cpu = cpu ?? TaskScheduler.Default;

        Receive<GenerationTask>(OnTask);
        Receive<ImageDecoded>(OnImageDecoded);
        Receive<StageCompleted>(OnStageCompleted);
        Receive<Terminated>(OnStageTerminated);
        Receive<RecreateStage>(m => CreateStage(m.Stage));
        Receive<ProbeTick>(_ => StartProbe());
        Receive<GpuStatusQuery>(_ => Sender.Tell(Status()));
    }

    public static Props Props(string gpu, IActorRef router, GpuBackends backends, ISplatGate gate, GenerationOptions options,
        SplatOptions? splats = null, TaskScheduler? cpu = null) =>
        Kernel.Props.Create(() => new GenerationActor(gpu, router, backends, gate, options, splats, cpu));

    private int Capacity => 1 + _options.Prefetch;

    protected override void PreStart()
    {
        foreach (var stage in StageOrder)
            if (stage != StageNames.Image || _backends.TextToImage is not null) CreateStage(stage);
        Log.Info("{Gpu}: ready with {Backends}", _gpu, _backends);
        AskForWork();
    }

    /// <summary>Whatever is still in hand is declined, so no task is ever left without a result.</summary>
    protected override void PostStop()
    {
        if (_current is { } run)
        {
            _current = null;
            Report(run.Task, GenerationOutcome.Declined, null, "the generation actor stopped before the task finished", run.Timings, null, run.Attempt, run.Started);
        }
        while (_queue.TryDequeue(out var queued))
            Report(queued, GenerationOutcome.Declined, null, "the generation actor stopped before the task started", [], null, 0, null);
    }

    /// <summary>Stages are stopped on failure; this actor re-creates them after a backoff (see <see cref="OnStageTerminated"/>).</summary>
    protected internal override SupervisorStrategy SupervisorStrategy() => Kernel.SupervisorStrategy.Stopping;

    protected internal override void ChildFailed(IActorRef child, Exception cause, Directive directive) => _failureCauses[child.Path.Name] = cause;

    protected internal override string DescribeState()
    {
        var health = _healthy ? "healthy" : $"unhealthy ({_consecutiveFailures} consecutive failures, probe {(_probe is null ? "waiting" : "running")})";
        var work = _current is { } run ? $"{run.Task.TaskId} in {run.Stage} (attempt {run.Attempt})" : "idle";
        return $"{health}, {work}, {_queue.Count} queued, {_completed} generated, {_declined} declined";
    }

    private GpuStatus Status() =>
        new(_gpu, _healthy, _current?.Task.TaskId, _current?.Stage, _current?.Attempt ?? 0, _queue.Count, _completed, _declined, _consecutiveFailures);

    // ---- demand ----

    /// <summary>
    /// Asks for every free slot, but only once the router has delivered everything asked before: a WorkRequest
    /// replaces the previous one, so asking again while tasks may still be on their way would let the router send
    /// those and then a full new batch, holding more than one running plus the prefetch. Asking late costs at most
    /// the prefetch depth until the owed task arrives; the card never idles while the router owes it work.
    /// </summary>
    private void AskForWork()
    {
        if (!_healthy || _owed > 0) return;
        var free = Capacity - (_current is null ? 0 : 1) - _queue.Count;
        if (free <= 0) return;
        _owed = free;
        _router.Tell(new WorkRequest(_gpu, free), Self);
    }

    private void OnTask(GenerationTask task)
    {
        _owed = Math.Max(0, _owed - 1);
        if (task.Kind == TaskKind.Text && _backends.TextToImage is null)
        {
            Report(task, GenerationOutcome.Declined, null, "this card has no text-to-image backend", [], null, 0, null);
            AskForWork();
            return;
        }
        if (!_healthy)
        {
            Report(task, GenerationOutcome.Declined, null, "the card is unhealthy (arrived while quarantined)", [], null, 0, null);
            return;
        }
        _queue.Enqueue(task);
        StartNextIfIdle();
    }

    private void StartNextIfIdle()
    {
        while (_current is null && _queue.TryDequeue(out var task))
        {
            var now = Context.System.Scheduler.UtcNow;
            if (!_healthy)
            {
                Report(task, GenerationOutcome.Declined, null, "the card became unhealthy before the task started", [], null, 0, null);
                continue;
            }
            if (now >= task.Deadline)
            {
                Report(task, GenerationOutcome.Declined, null, "its deadline passed before the task started", [], null, 0, null);
                continue;
            }
            _current = new TaskRun(task, now);
            if (task.Kind == TaskKind.Text) Begin(StageNames.Image);
            else BeginDecode(_current);
        }
        AskForWork();
    }

    // ---- the pipeline ----

    private void BeginDecode(TaskRun run)
    {
        run.Stage = StageNames.Decode;
        run.StageStarted = Context.System.Scheduler.UtcNow;
        var (taskId, attempt, prompt) = (run.Task.TaskId, run.Attempt, run.Task.Prompt);
        Task.Factory.StartNew(() => DecodePrompt(prompt), CancellationToken.None, TaskCreationOptions.DenyChildAttach, _cpu)
            .PipeTo(Self, success: image => new ImageDecoded(taskId, attempt, image, null),
                failure: error => new ImageDecoded(taskId, attempt, null, error.Message));
    }

    /// <summary>The validator's image prompt is base64 PNG; anything else is refused with the decoder's located reason.</summary>
    private static RgbaImage DecodePrompt(string prompt)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(prompt.Trim());
        }
        catch (FormatException)
        {
            throw new FormatException($"the image prompt is not valid base64 ({prompt.Length} chars)");
        }
        if (bytes.Length == 0) throw new FormatException("the image prompt is empty");
        return PngDecoder.Decode(bytes);
    }

    private void OnImageDecoded(ImageDecoded decoded)
    {
        if (_current is not { } run || run.Task.TaskId != decoded.TaskId || run.Attempt != decoded.Attempt || run.Stage != StageNames.Decode) return;
        run.RecordStage(Context.System.Scheduler.UtcNow, decoded.Image is not null);
        if (decoded.Image is null)
        {
            Finish(GenerationOutcome.Declined, null, $"the image prompt is unusable: {decoded.Error}", null);
            return;
        }
        run.Image = decoded.Image;
        Begin(StageNames.Mask);
    }

    private void Begin(string stage)
    {
        var run = _current!;
        run.Stage = stage;
        run.Dispatched = false;
        Dispatch();
    }

    /// <summary>Sends the current task's request to its stage, unless the stage is absent (backing off) or busy.</summary>
    private void Dispatch()
    {
        if (_current is not { Dispatched: false } run || run.Stage == StageNames.Decode) return;
        if (_stages.GetValueOrDefault(run.Stage) is not { } stage || _inFlight.ContainsKey(run.Stage)) return;
        var (id, attempt) = (run.Task.TaskId, run.Attempt);
        StageRequest request = run.Stage switch
        {
            StageNames.Image => new ImageRequest(id, attempt, run.Task.Prompt, run.Seed),
            StageNames.Mask => new MaskRequest(id, attempt, run.Image!),
            StageNames.Trellis => new TrellisRequest(id, attempt, run.Rgba!, run.Seed),
            _ => new PlyWriteRequest(id, attempt, run.Splats!, new GenerationPrompt(run.Task.Kind, run.Task.Prompt)),
        };
        run.Dispatched = true;
        run.StageStarted = Context.System.Scheduler.UtcNow;
        _inFlight[run.Stage] = (id, attempt);
        stage.Tell(request, Self);
    }

    private void OnStageCompleted(StageCompleted done)
    {
        if (_inFlight.TryGetValue(done.Stage, out var flight) && flight == (done.TaskId, done.Attempt)) _inFlight.Remove(done.Stage);
        if (_probe is { } probe && probe.Id == done.TaskId)
        {
            OnProbeStep(probe, done);
            return;
        }
        if (_current is not { } run || run.Task.TaskId != done.TaskId || run.Attempt != done.Attempt || run.Stage != done.Stage)
        {
            Log.Debug("{Gpu}: ignoring a stale {Stage} result for {TaskId} attempt {Attempt}", _gpu, done.Stage, done.TaskId, done.Attempt);
            return;
        }
        run.RecordStage(Context.System.Scheduler.UtcNow, true);
        _stageFailures[done.Stage] = 0;
        switch (done.Output)
        {
            case RgbaImage image when done.Stage == StageNames.Image:
                run.Image = image;
                Begin(StageNames.Mask);
                break;
            case RgbaImage rgba when done.Stage == StageNames.Mask:
                run.Rgba = rgba;
                Begin(StageNames.Trellis);
                break;
            case ActivatedSplats splats when done.Stage == StageNames.Trellis:
                run.Splats = splats;
                Begin(StageNames.PlyWrite);
                break;
            case PlyWriteOutput written when done.Stage == StageNames.PlyWrite:
                OnWritten(run, written);
                break;
            default:
                // A stage answering with the wrong type is a bug in the stage, never a reason to leave the task hanging.
                Finish(GenerationOutcome.Declined, null, $"the {done.Stage} stage answered with {done.Output.GetType().Name}", null);
                break;
        }
    }

    private void OnWritten(TaskRun run, PlyWriteOutput written)
    {
        _consecutiveFailures = 0; // the whole pipeline answered: the card works, whatever the gate thinks of the cloud
        var verdict = written.Verdict;
        switch (verdict.Decision)
        {
            case GateDecision.Submit:
                Finish(GenerationOutcome.Generated, written.Cloud,
                    $"passed the gate with {written.Cloud.Count} gaussians ({written.Repair.DroppedNonFinite} non-finite dropped); {written.Opacity.Reason}", verdict);
                break;
            case GateDecision.Retry when run.GateRetries < _options.GateRetries && TimeLeft(run) >= _options.MinTimeLeftForRetry:
                run.GateRetries++;
                run.Attempt++;
                run.Seed = NextSeed(run.Task.Seed, run.Attempt);
                Log.Info("{Gpu}: {TaskId} gate said {Verdict}; regenerating with seed {Seed} (attempt {Attempt})", _gpu, run.Task.TaskId, verdict, run.Seed, run.Attempt);
                if (run.Task.Kind == TaskKind.Text) Begin(StageNames.Image);
                else Begin(StageNames.Trellis);
                break;
            case GateDecision.Retry:
                var why = run.GateRetries >= _options.GateRetries
                    ? $"the retry budget ({_options.GateRetries}) is spent"
                    : $"only {Seconds(TimeLeft(run))} s are left before the deadline";
                Finish(GenerationOutcome.Declined, null, $"the gate said {verdict} but {why}", verdict);
                break;
            default:
                Finish(GenerationOutcome.Declined, null, $"the gate said {verdict}", verdict);
                break;
        }
    }

    private void Finish(GenerationOutcome outcome, GaussianCloud? cloud, string reason, GateVerdict? verdict)
    {
        var run = _current!;
        _current = null;
        Report(run.Task, outcome, cloud, reason, run.Timings, verdict, run.Attempt, run.Started);
        StartNextIfIdle();
    }

    private void Report(GenerationTask task, GenerationOutcome outcome, GaussianCloud? cloud, string reason,
        IReadOnlyList<StageTiming> timings, GateVerdict? verdict, int attempts, DateTimeOffset? started)
    {
        if (outcome == GenerationOutcome.Generated) _completed++;
        else _declined++;
        _router.Tell(new GenerationResult(task.TaskId, _gpu, outcome, cloud, reason, timings.ToArray(), verdict), Self);
        var elapsed = started is { } s ? Context.System.Scheduler.UtcNow - s : TimeSpan.Zero;
        var stages = string.Join(" ", timings.Select(t => $"{t.Stage}#{t.Attempt}={Seconds(t.Elapsed)}s{(t.Succeeded ? "" : "!")}"));
        Log.With("TaskId", task.TaskId).With("Gpu", _gpu).With("Outcome", outcome).With("Attempts", attempts)
            .Info("{Gpu}: {TaskId} {Outcome} after {Attempts} attempt(s) in {Elapsed} s [{Stages}]: {Reason}",
                _gpu, task.TaskId, outcome, attempts, Seconds(elapsed), stages, reason);
    }

    // ---- failures, backoff, quarantine ----

    private void OnStageTerminated(Terminated terminated)
    {
        var name = _stages.FirstOrDefault(s => s.Value is not null && s.Value.Equals(terminated.ActorRef)).Key;
        if (name is null) return;
        _stages[name] = null;
        var cause = _failureCauses.Remove(name, out var failure) ? failure : null;
        var reason = cause is null ? $"the {name} stage stopped unexpectedly" : cause.Message;
        var failures = _stageFailures.GetValueOrDefault(name);
        _stageFailures[name] = failures + 1;
        var backoff = _options.BackoffFor(failures);
        Timers.StartSingleTimer(("recreate", name), new RecreateStage(name), backoff);
        _consecutiveFailures++;
        Log.Warning("{Gpu}: {Reason}; re-creating the {Stage} stage in {Backoff} s ({Failures} consecutive card failures)",
            _gpu, reason, name, Seconds(backoff), _consecutiveFailures);

        var quarantine = _healthy && _consecutiveFailures >= _options.UnhealthyAfterFailures;
        if (quarantine) _healthy = false; // before the task is finished, so nothing queued starts on this card
        _inFlight.Remove(name, out var flight);
        if (_probe is { } probe && flight.TaskId == probe.Id)
        {
            _probe = null;
            Log.Warning("{Gpu}: health probe failed: {Reason}; next probe in {Interval} s", _gpu, reason, Seconds(_options.ProbeInterval));
            Timers.StartSingleTimer(ProbeTimerKey, ProbeTick.Instance, _options.ProbeInterval);
        }
        else if (_current is { } run && flight == (run.Task.TaskId, run.Attempt) && run.Stage == name)
        {
            run.RecordStage(Context.System.Scheduler.UtcNow, false);
            if (quarantine)
                Finish(GenerationOutcome.Declined, null, $"{reason}; the card is quarantined after {_consecutiveFailures} consecutive stage failures", null);
            else RetryOrDecline(run, reason);
        }
        if (quarantine) Quarantine(reason);
    }

    private void RetryOrDecline(TaskRun run, string reason)
    {
        var left = TimeLeft(run);
        if (run.FailureRetries < _options.FailureRetries && left >= _options.MinTimeLeftForRetry)
        {
            run.FailureRetries++;
            run.Attempt++;
            Log.Info("{Gpu}: retrying {TaskId} from the {Stage} stage (attempt {Attempt}) once the stage is back", _gpu, run.Task.TaskId, run.Stage, run.Attempt);
            Begin(run.Stage);
            return;
        }
        var why = run.FailureRetries >= _options.FailureRetries
            ? $"no retry left ({_options.FailureRetries} used)"
            : $"only {Seconds(left)} s left before the deadline";
        Finish(GenerationOutcome.Declined, null, $"{reason}; {why}", null);
    }

    private void Quarantine(string reason)
    {
        _owed = 0;
        StartNextIfIdle(); // declines whatever is queued
        var why = $"{_consecutiveFailures} consecutive stage failures, last: {reason}";
        Log.Error(null, "{Gpu}: card marked unhealthy after {Why}; asking for no work and probing every {Interval} s", _gpu, why, Seconds(_options.ProbeInterval));
        _router.Tell(new GpuHealthChanged(_gpu, false, why), Self);
        Timers.StartSingleTimer(ProbeTimerKey, ProbeTick.Instance, _options.ProbeInterval);
    }

    private void CreateStage(string name)
    {
        var props = name switch
        {
            StageNames.Image => ImageStage.Props(_backends.TextToImage!, _options.ImageTimeout),
            StageNames.Mask => MaskStage.Props(_backends.BackgroundRemoval, _options.MaskTimeout),
            StageNames.Trellis => TrellisStage.Props(_backends.ImageTo3D, _options.TrellisTimeout, _options.MaxNonFiniteShare),
            _ => PlyWriteStage.Props(_gate, _splats, _options.PlyWriteTimeout, _cpu),
        };
        _stages[name] = Context.Watch(Context.ActorOf(props, name));
        Dispatch();
        DispatchProbe();
    }

    // ---- the health probe ----

    private void StartProbe()
    {
        if (_healthy || _probe is not null) return;
        _probe = new ProbeRun($"probe-{++_probeCount}", StageNames.Mask, ProbeImage.Create(), Context.System.Scheduler.UtcNow);
        Log.Info("{Gpu}: running health probe {Probe}", _gpu, _probe.Id);
        DispatchProbe();
    }

    private void DispatchProbe()
    {
        if (_probe is not { Dispatched: false } probe) return;
        if (_stages.GetValueOrDefault(probe.Stage) is not { } stage || _inFlight.ContainsKey(probe.Stage)) return;
        StageRequest request = probe.Stage == StageNames.Mask
            ? new MaskRequest(probe.Id, 1, probe.Input)
            : new TrellisRequest(probe.Id, 1, probe.Input, 0);
        _probe = probe with { Dispatched = true };
        _inFlight[probe.Stage] = (probe.Id, 1);
        stage.Tell(request, Self);
    }

    private void OnProbeStep(ProbeRun probe, StageCompleted done)
    {
        if (done.Stage == StageNames.Mask && done.Output is RgbaImage rgba)
        {
            _probe = probe with { Stage = StageNames.Trellis, Input = rgba, Dispatched = false };
            DispatchProbe();
            return;
        }
        _probe = null;
        _healthy = true;
        _consecutiveFailures = 0;
        foreach (var stage in _stageFailures.Keys.ToList()) _stageFailures[stage] = 0;
        var took = Seconds(Context.System.Scheduler.UtcNow - probe.Started);
        Log.Info("{Gpu}: health probe {Probe} passed in {Took} s; card healthy again", _gpu, probe.Id, took);
        _router.Tell(new GpuHealthChanged(_gpu, true, $"health probe passed: mask and image-to-3D answered in {took} s"), Self);
        AskForWork();
    }

    private TimeSpan TimeLeft(TaskRun run) => run.Task.Deadline - Context.System.Scheduler.UtcNow;

    /// <summary>A different, reproducible seed per attempt.</summary>
    private static int NextSeed(int seed, int attempt) => unchecked(seed + attempt * 1_000_003);

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private sealed class TaskRun(GenerationTask task, DateTimeOffset started)
    {
        public GenerationTask Task { get; } = task;
        public DateTimeOffset Started { get; } = started;
        public int Attempt { get; set; } = 1;
        public int Seed { get; set; } = task.Seed;
        public string Stage { get; set; } = "";
        public bool Dispatched { get; set; }
        public DateTimeOffset StageStarted { get; set; }
        public int FailureRetries { get; set; }
        public int GateRetries { get; set; }
        public RgbaImage? Image { get; set; }
        public RgbaImage? Rgba { get; set; }
        public ActivatedSplats? Splats { get; set; }
        public List<StageTiming> Timings { get; } = new();

        public void RecordStage(DateTimeOffset now, bool succeeded) => Timings.Add(new StageTiming(Stage, Attempt, now - StageStarted, succeeded));
    }

    private sealed record ProbeRun(string Id, string Stage, RgbaImage Input, DateTimeOffset Started)
    {
        public bool Dispatched { get; init; }
    }

    private sealed record ImageDecoded(string TaskId, int Attempt, RgbaImage? Image, string? Error);

    private sealed record RecreateStage(string Stage);

    private sealed record ProbeTick
    {
        public static ProbeTick Instance { get; } = new();
    }
}
