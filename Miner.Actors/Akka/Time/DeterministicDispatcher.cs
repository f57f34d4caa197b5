using Akka.Configuration;
using Akka.Dispatch;

namespace Miner.Actors.Akka.Time;

/// <summary>
/// Plugs <see cref="DeterministicDispatcher"/> in as an Akka.NET dispatcher type, e.g.
/// <c>akka.actor.default-dispatcher.type = "Miner.Actors.Akka.Time.DeterministicDispatcherConfigurator, Miner.Actors"</c>.
/// One dispatcher instance per configurator; when the system's scheduler is an <see cref="AkkaVirtualScheduler"/>,
/// the scheduler drains this dispatcher between the items it fires.
/// </summary>
public sealed class DeterministicDispatcherConfigurator : MessageDispatcherConfigurator
{
    private readonly DeterministicDispatcher _instance;

    public DeterministicDispatcherConfigurator(Config config, IDispatcherPrerequisites prerequisites) : base(config, prerequisites)
    {
        _instance = new DeterministicDispatcher(this);
        if (prerequisites.Scheduler is AkkaVirtualScheduler scheduler) scheduler.Dispatcher = _instance;
    }

    public override MessageDispatcher Dispatcher() => _instance;
}

/// <summary>
/// Spec dispatcher: mailbox turns wait in one FIFO run queue until the test thread calls <see cref="Drain"/> (or the
/// virtual scheduler drains it while advancing). Every turn therefore runs on the draining thread, in a reproducible
/// order. Work posted from other threads is queued too and picked up by the next drain. After
/// <see cref="ReleaseToThreadPool"/> (used when the system shuts down) turns go to the thread pool instead.
/// </summary>
public sealed class DeterministicDispatcher : MessageDispatcher
{
    private readonly Queue<IRunnable> _runQueue = new();
    private readonly object _gate = new();
    private int _draining;
    private bool _released;

    public DeterministicDispatcher(MessageDispatcherConfigurator configurator) : base(configurator)
    {
    }

    /// <summary>Mailbox turns waiting to run.</summary>
    public int Pending
    {
        get { lock (_gate) return _runQueue.Count; }
    }

    protected override void ExecuteTask(IRunnable run)
    {
        lock (_gate)
        {
            if (!_released)
            {
                _runQueue.Enqueue(run);
                return;
            }
        }
        ThreadPool.UnsafeQueueUserWorkItem(static r => r.Run(), run, preferLocal: false);
    }

    /// <summary>
    /// Runs queued turns, in FIFO order, until none is left; returns how many ran. A drain from inside a turn returns
    /// 0 at once (the outer drain goes on).
    /// </summary>
    public int Drain(int maxTurns = 10_000_000)
    {
        var turns = 0;
        OnDefaultTaskScheduler(() => turns = DrainHere(maxTurns));
        return turns;
    }

    /// <summary>
    /// Runs <paramref name="action"/> on this thread with <see cref="TaskScheduler.Default"/> as the current task
    /// scheduler and no synchronization context. A test framework may run the spec under its own scheduler or context;
    /// continuations registered by actors (PipeTo's await) would capture it and hop threads instead of running inline
    /// when a virtual-time item completes their task.
    /// </summary>
    public static void OnDefaultTaskScheduler(Action action)
    {
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            if (TaskScheduler.Current == TaskScheduler.Default)
            {
                action();
                return;
            }
            var task = new Task(action);
            task.RunSynchronously(TaskScheduler.Default);
            task.GetAwaiter().GetResult();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    private int DrainHere(int maxTurns)
    {
        if (Interlocked.Exchange(ref _draining, 1) == 1) return 0;
        try
        {
            var turns = 0;
            while (true)
            {
                IRunnable next;
                lock (_gate)
                {
                    if (_runQueue.Count == 0) return turns;
                    next = _runQueue.Dequeue();
                }
                if (++turns > maxTurns) throw new InvalidOperationException($"actors did not go idle after {maxTurns} turns (a message loop?)");
                next.Run();
            }
        }
        finally
        {
            Volatile.Write(ref _draining, 0);
        }
    }

    /// <summary>From now on turns run on the thread pool; what is queued goes there too (lets the system terminate).</summary>
    public void ReleaseToThreadPool()
    {
        IRunnable[] queued;
        lock (_gate)
        {
            _released = true;
            queued = _runQueue.ToArray();
            _runQueue.Clear();
        }
        foreach (var run in queued) ThreadPool.UnsafeQueueUserWorkItem(static r => r.Run(), run, preferLocal: false);
    }

    protected override void Shutdown()
    {
    }
}
