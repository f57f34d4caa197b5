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
/// Spec and bench dispatcher: mailbox turns wait in one FIFO run queue and run one at a time, in a reproducible order.
/// Without a pump they run only when a thread calls <see cref="Drain"/> (or the virtual scheduler drains while
/// advancing), on that thread. With <see cref="StartPump"/> one dedicated thread runs them as they arrive, so a spec
/// can block in Akka.TestKit's <c>ExpectMsg</c>; <see cref="Drain"/> then waits until the queue is empty and no
/// turn runs (quiescence), which keeps "the work one tick triggers is done before the next tick fires". After
/// <see cref="ReleaseToThreadPool"/> (used when the system shuts down) turns go to the thread pool instead.
/// </summary>
public sealed class DeterministicDispatcher : MessageDispatcher
{
    private readonly Queue<IRunnable> _runQueue = new();
    private readonly object _gate = new();
    private int _draining;
    private bool _released;
    private Thread? _pump;
    private bool _turnRunning;
    private long _turnsRun;

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
                if (_pump is not null) Monitor.PulseAll(_gate);
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
        if (Volatile.Read(ref _pump) is { } pump) return Thread.CurrentThread == pump ? 0 : WaitForQuiescence();
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

    /// <summary>Starts the thread that runs turns as they arrive (see the class summary); idempotent.</summary>
    public void StartPump()
    {
        lock (_gate)
        {
            if (_pump is not null || _released) return;
            _pump = new Thread(Pump) { IsBackground = true, Name = "deterministic-dispatcher" };
            _pump.Start();
        }
    }

    private void Pump()
    {
        while (true)
        {
            IRunnable next;
            lock (_gate)
            {
                while (_runQueue.Count == 0 && !_released) Monitor.Wait(_gate);
                if (_released) return;
                next = _runQueue.Dequeue();
                _turnRunning = true;
            }
            try
            {
                next.Run();
            }
            finally
            {
                lock (_gate)
                {
                    _turnRunning = false;
                    _turnsRun++;
                    if (_runQueue.Count == 0) Monitor.PulseAll(_gate);
                }
            }
        }
    }

    private int WaitForQuiescence()
    {
        lock (_gate)
        {
            var before = _turnsRun;
            while ((_runQueue.Count > 0 || _turnRunning) && !_released) Monitor.Wait(_gate);
            return (int)Math.Min(int.MaxValue, _turnsRun - before);
        }
    }

    /// <summary>From now on turns run on the thread pool; what is queued goes there too (lets the system terminate).</summary>
    public void ReleaseToThreadPool()
    {
        IRunnable[] queued;
        lock (_gate)
        {
            _released = true;
            Monitor.PulseAll(_gate);
            queued = _runQueue.ToArray();
            _runQueue.Clear();
        }
        foreach (var run in queued) ThreadPool.UnsafeQueueUserWorkItem(static r => r.Run(), run, preferLocal: false);
    }

    protected override void Shutdown()
    {
    }
}
