namespace Miner.Actors.Kernel;

/// <summary>
/// Ordered shutdown: tasks registered per phase run concurrently within their phase, phases run in order,
/// a phase that exceeds its timeout (measured on the system's scheduler) is logged and left behind, and the
/// last phase terminates the actor system. Running it twice returns the first run.
/// </summary>
public sealed class CoordinatedShutdown
{
    public const string BeforeServiceUnbind = "before-service-unbind";
    public const string ServiceUnbind = "service-unbind";
    public const string ServiceRequestsDone = "service-requests-done";
    public const string ServiceStop = "service-stop";
    public const string BeforeActorSystemTerminate = "before-actor-system-terminate";
    public const string ActorSystemTerminate = "actor-system-terminate";

    public static IReadOnlyList<string> Phases { get; } =
        [BeforeServiceUnbind, ServiceUnbind, ServiceRequestsDone, ServiceStop, BeforeActorSystemTerminate, ActorSystemTerminate];

    private readonly ActorSystem _system;
    private readonly object _gate = new();
    private readonly Dictionary<string, List<(string Name, Func<CancellationToken, Task> Run)>> _tasks = new();
    private readonly Dictionary<string, TimeSpan> _timeouts = new();
    private Task? _run;

    internal CoordinatedShutdown(ActorSystem system)
    {
        _system = system;
        foreach (var phase in Phases)
        {
            _tasks[phase] = new();
            _timeouts[phase] = TimeSpan.FromSeconds(10);
        }
    }

    public string? Reason { get; private set; }

    public void SetPhaseTimeout(string phase, TimeSpan timeout)
    {
        lock (_gate) _timeouts[Known(phase)] = timeout > TimeSpan.Zero ? timeout : throw new ArgumentOutOfRangeException(nameof(timeout));
    }

    public void AddTask(string phase, string name, Func<CancellationToken, Task> task)
    {
        lock (_gate)
        {
            if (_run is not null) throw new InvalidOperationException($"shutdown already running; task {name} not added");
            _tasks[Known(phase)].Add((name, task));
        }
    }

    public Task RunAsync(string reason)
    {
        lock (_gate)
        {
            if (_run is not null) return _run;
            Reason = reason;
            return _run = RunPhases();
        }
    }

    private async Task RunPhases()
    {
        Log(LogLevel.Information, null, "coordinated shutdown started: {Reason}", Reason);
        foreach (var phase in Phases)
        {
            var tasks = _tasks[phase].ToList();
            if (phase == ActorSystemTerminate) tasks.Add(("terminate-actor-system", _ => _system.Terminate()));
            if (tasks.Count == 0) continue;
            using var cancel = new CancellationTokenSource();
            var running = tasks.Select(t => Guard(phase, t.Name, t.Run, cancel.Token)).ToArray();
            var timedOut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var timer = _system.Scheduler.ScheduleOnce(_timeouts[phase], () => timedOut.TrySetResult());
            var finished = await Task.WhenAny(Task.WhenAll(running), timedOut.Task).ConfigureAwait(false);
            timer.Cancel();
            if (finished == timedOut.Task)
            {
                cancel.Cancel();
                Log(LogLevel.Warning, null, "shutdown phase {Phase} timed out after {Timeout}; continuing", phase, _timeouts[phase]);
            }
        }
    }

    private async Task Guard(string phase, string name, Func<CancellationToken, Task> run, CancellationToken token)
    {
        try
        {
            await run(token).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            Log(LogLevel.Error, error, "shutdown task {Task} in phase {Phase} failed: {Message}", name, phase, error.Message);
        }
    }

    private void Log(LogLevel level, Exception? error, string template, params object?[] args) =>
        _system.EventStream.Publish(new LogEvent(_system.Scheduler.UtcNow, level, "coordinated-shutdown", template, args, error,
            new Dictionary<string, object?>()));

    private static string Known(string phase) =>
        Phases.Contains(phase) ? phase : throw new ArgumentException($"unknown shutdown phase '{phase}'", nameof(phase));
}
