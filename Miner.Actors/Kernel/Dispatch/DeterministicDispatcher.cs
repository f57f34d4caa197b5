namespace Miner.Actors.Kernel;

/// <summary>
/// Spec dispatcher: scheduled mailbox turns wait in one FIFO run queue until the test thread calls
/// <see cref="RunUntilIdle"/>. Every turn therefore runs on the test thread, in a reproducible order.
/// Work posted from other threads (piped task results) is queued too and picked up by the next drain.
/// </summary>
public sealed class DeterministicDispatcher(int throughput = 100) : IDispatcher
{
    private readonly Queue<IThreadPoolWorkItem> _runQueue = new();
    private readonly object _gate = new();
    private int _draining;

    public int Throughput { get; } = throughput;

    public void Schedule(IThreadPoolWorkItem mailboxRun)
    {
        lock (_gate)
        {
            _runQueue.Enqueue(mailboxRun);
            Monitor.PulseAll(_gate);
        }
    }

    public bool HasWork
    {
        get { lock (_gate) return _runQueue.Count > 0; }
    }

    /// <summary>Runs queued mailbox turns until none is left. Returns the number of turns run.</summary>
    public int RunUntilIdle(int maxTurns = 1_000_000)
    {
        if (Interlocked.Exchange(ref _draining, 1) == 1) return 0; // re-entrant drain from inside a turn: the outer loop continues
        try
        {
            var turns = 0;
            while (turns < maxTurns)
            {
                IThreadPoolWorkItem next;
                lock (_gate)
                {
                    if (_runQueue.Count == 0) break;
                    next = _runQueue.Dequeue();
                }
                next.Execute();
                turns++;
            }
            if (turns >= maxTurns) throw new InvalidOperationException($"actors did not go idle after {maxTurns} turns (a message loop?)");
            return turns;
        }
        finally
        {
            Volatile.Write(ref _draining, 0);
        }
    }

    /// <summary>Blocks (real time) until some turn is queued or <paramref name="timeout"/> passes.</summary>
    public bool WaitForWork(TimeSpan timeout)
    {
        lock (_gate)
        {
            if (_runQueue.Count > 0) return true;
            return Monitor.Wait(_gate, timeout) || _runQueue.Count > 0;
        }
    }
}
