using Miner.Actors.Generation;
using Akka.Actor;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Logging;
using Miner.Models.Splats;

namespace Miner.Actors.Mining.Simulation;

/// <summary>
/// A GPU for simulations and specs that follows the GenerationActor contract: asks the router for
/// <c>capacity − held</c> tasks (one running plus prefetch), works one task at a time for a drawn generation time,
/// and reports a <see cref="GenerationResult"/> to the router.
/// </summary>
public sealed class SimulatedGpu : IntrospectiveReceiveActor
{
    private static readonly GaussianCloud TinyCloud = new(1, 0);

    private readonly string _name;
    private readonly IActorRef _router;
    private readonly Func<TimeSpan> _generationTime;
    private readonly int _capacity;
    private readonly GpuUsage _usage;
    private readonly Queue<GenerationTask> _queue = new();
    private GenerationTask? _running;
    private DateTimeOffset _startedAt;
    private int _owed;

    public SimulatedGpu(string name, IActorRef router, Func<TimeSpan> generationTime, int capacity, GpuUsage usage)
    {
        _name = name;
        _router = router;
        _generationTime = generationTime;
        _capacity = capacity;
        _usage = usage;
        Receive<GenerationTask>(task =>
        {
            _owed = Math.Max(0, _owed - 1);
            _queue.Enqueue(task);
            _usage.MostHeld = Math.Max(_usage.MostHeld, _queue.Count + (_running is null ? 0 : 1));
            StartNext();
            RequestWork();
        });
        Receive<Done>(_ =>
        {
            var task = _running!;
            _running = null;
            _usage.Busy += Now - _startedAt;
            _usage.Tasks++;
            _router.Tell(new GenerationResult(task.TaskId, _name, GenerationOutcome.Generated, TinyCloud, "simulated",
                [new StageTiming("simulated", 1, Now - _startedAt, true)], null), Self);
            StartNext();
            RequestWork();
        });
    }

    private DateTimeOffset Now => Context.System.Scheduler.Now;

    protected override void PreStart() => RequestWork();

    private void StartNext()
    {
        if (_running is not null || _queue.Count == 0) return;
        _running = _queue.Dequeue();
        _startedAt = Now;
        Timers.StartSingleTimer("done", Done.Instance, _generationTime());
    }

    /// <summary>As the GenerationActor: asks for its free slots only once the router delivered every task asked before.</summary>
    private void RequestWork()
    {
        if (_owed > 0) return;
        var wanted = Math.Max(0, _capacity - _queue.Count - (_running is null ? 0 : 1));
        if (wanted == 0) return;
        _owed = wanted;
        _router.Tell(new WorkRequest(_name, wanted), Self);
    }

    private sealed record Done
    {
        public static readonly Done Instance = new();
    }
}
