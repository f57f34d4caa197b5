using System.Globalization;
using Akka.Actor;
using Miner.Actors.Akka.Supervision;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Logging;
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
/// even when this actor stops. In the monolithic layout (<see cref="GpuBackends.PromptTo3D"/>) the stages are
/// <c>generate</c> and <c>ply</c>. Worker processes (<see cref="GpuWorkers"/>) are children too: the card asks for
/// work only while every one of them reports healthy, and stopping the card stops them.
/// </summary>
public sealed partial class GenerationActor : IntrospectiveReceiveActor
{
    private const string ProbeTimerKey = "probe";
    private static readonly string[] StageOrder = [StageNames.Image, StageNames.Mask, StageNames.Trellis, StageNames.PlyWrite];
    private static readonly string[] MonolithicStageOrder = [StageNames.Generate, StageNames.PlyWrite];

    private readonly string _gpu;
    private readonly IActorRef _router;
    private readonly GpuBackends _backends;
    private readonly ISplatGate _gate;
    private readonly GenerationOptions _options;
    private readonly SplatOptions _splats;
    private readonly TaskScheduler _cpu;
    private readonly GpuWorkers? _workers;
    private readonly Dictionary<IActorRef, string> _workerNames = new();
    private readonly Dictionary<IActorRef, string> _workersDown = new();

    private readonly Queue<GenerationTask> _queue = new();
    private readonly Dictionary<string, IActorRef?> _stages = new();
    private readonly Dictionary<string, int> _stageFailures = new();
    private readonly Dictionary<string, Exception> _failureCauses = new();
    private readonly Dictionary<string, (string TaskId, int Attempt)> _inFlight = new();
    private TaskRun? _current;
    private ProbeRun? _probe;
    private int _probeCount;
    private bool _healthy = true;
    private bool _announcedWorkersDown;
    private int _consecutiveFailures;
    private int _owed;
    private int _completed;
    private int _declined;

    /// <param name="cpu">Where CPU work (PNG decoding, the PLY stage) runs; the thread pool unless a spec runs it inline.</param>
    /// <param name="workers">Worker processes this card starts and supervises; null when its services run elsewhere.</param>
    public GenerationActor(string gpu, IActorRef router, GpuBackends backends, ISplatGate gate, GenerationOptions options,
        SplatOptions? splats = null, TaskScheduler? cpu = null, GpuWorkers? workers = null)
    {
        options.Validate();
        backends.Validate();
        _gpu = gpu;
        _router = router;
        _backends = backends;
        _gate = gate;
        _options = options;
        _splats = splats ?? new SplatOptions();
        _cpu = cpu ?? TaskScheduler.Default;
        _workers = workers;

        Receive<GenerationTask>(OnTask);
        Receive<ImageDecoded>(OnImageDecoded);
        Receive<StageCompleted>(OnStageCompleted);
        Receive<Terminated>(OnTerminated);
        Receive<GpuHealthChanged>(OnWorkerHealth);
        Receive<RecreateStage>(m => CreateStage(m.Stage));
        Receive<ProbeTick>(_ => StartProbe());
        Receive<GpuStatusQuery>(_ => Sender.Tell(Status()));
    }

    public static Props Props(string gpu, IActorRef router, GpuBackends backends, ISplatGate gate, GenerationOptions options,
        SplatOptions? splats = null, TaskScheduler? cpu = null, GpuWorkers? workers = null) =>
        global::Akka.Actor.Props.Create(() => new GenerationActor(gpu, router, backends, gate, options, splats, cpu, workers));

    private int Capacity => 1 + _options.Prefetch;

    protected override void PreStart()
    {
        foreach (var stage in _backends.IsMonolithic ? MonolithicStageOrder : StageOrder)
            if (stage != StageNames.Image || _backends.TextToImage is not null) CreateStage(stage);
        StartWorkers();
        Log.Info("{Gpu}: ready with {Backends}{Workers}", _gpu, _backends,
            _workerNames.Count == 0 ? "" : $"; waiting for {_workerNames.Count} worker process(es) to report healthy");
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
    protected override SupervisorStrategy SupervisorStrategy() =>
        new CauseRecordingStoppingStrategy((child, cause) => _failureCauses[child.Path.Name] = cause);

    protected override string DescribeState()
    {
        var health = _workersDown.Count > 0 ? $"waiting for worker(s) {string.Join(", ", _workersDown.Values)}" : _healthy ? "healthy" : $"unhealthy ({_consecutiveFailures} consecutive failures, probe {(_probe is null ? "waiting" : "running")})";
        var work = _current is { } run ? $"{run.Task.TaskId} in {run.Stage} (attempt {run.Attempt})" : "idle";
        return $"{health}, {work}, {_queue.Count} queued, {_completed} generated, {_declined} declined";
    }

    /// <summary>Not quarantined, and every worker process answers its health checks.</summary>
    private bool Ready => _healthy && _workersDown.Count == 0;

    private GpuStatus Status() =>
        new(_gpu, Ready, _current?.Task.TaskId, _current?.Stage, _current?.Attempt ?? 0, _queue.Count, _completed, _declined, _consecutiveFailures);

    // ---- demand ----

    /// <summary>
    /// Asks for every free slot, but only once the router has delivered everything asked before: a WorkRequest
    /// replaces the previous one, so asking again while tasks may still be on their way would let the router send
    /// those and then a full new batch, holding more than one running plus the prefetch. Asking late costs at most
    /// the prefetch depth until the owed task arrives; the card never idles while the router owes it work.
    /// </summary>
    private void AskForWork()
    {
        if (!Ready || _owed > 0) return;
        var free = Capacity - (_current is null ? 0 : 1) - _queue.Count;
        if (free <= 0) return;
        _owed = free;
        _router.Tell(new WorkRequest(_gpu, free), Self);
    }

    private void OnTask(GenerationTask task)
    {
        _owed = Math.Max(0, _owed - 1);
        if (task.Kind == TaskKind.Text && _backends.TextToImage is null && !_backends.IsMonolithic)
        {
            Report(task, GenerationOutcome.Declined, null, "this card has no text-to-image backend", [], null, 0, null);
            AskForWork();
            return;
        }
        if (!Ready)
        {
            Report(task, GenerationOutcome.Declined, null, _healthy ? "a worker process of the card is not healthy" : "the card is unhealthy (arrived while quarantined)", [], null, 0, null);
            return;
        }
        _queue.Enqueue(task);
        StartNextIfIdle();
    }

    private void StartNextIfIdle()
    {
        while (_current is null && _queue.TryDequeue(out var task))
        {
            var now = Context.System.Scheduler.Now;
            if (!Ready)
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
            if (_backends.IsMonolithic) Begin(StageNames.Generate);
            else if (task.Kind == TaskKind.Text) Begin(StageNames.Image);
            else BeginDecode(_current);
        }
        AskForWork();
    }

    private TimeSpan TimeLeft(TaskRun run) => run.Task.Deadline - Context.System.Scheduler.Now;

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
