using Miner.Actors.Persistence;
using Miner.Actors.Storage;

namespace Miner.Specs.TestKit;

/// <summary>
/// Decides what the next operations of one kind (journal writes, recovery reads, snapshot saves...) of a
/// <see cref="TestJournal"/> or <see cref="TestSnapshotStore"/> do: pass, fail (an IOException, outcome unknown),
/// reject (nothing written), or wait until <see cref="Release"/>. Checklist row 38.
/// </summary>
public sealed class FaultSwitch(string operation)
{
    private readonly object _gate = new();
    private TaskCompletionSource? _held;
    private Func<Exception>? _fault;
    private int _times;

    public string Operation { get; } = operation;

    /// <summary>Operations of this kind that reached the store (passed, failed or rejected).</summary>
    public int Calls { get; private set; }

    public void Pass()
    {
        lock (_gate)
        {
            _fault = null;
            _times = 0;
        }
    }

    /// <summary>The next <paramref name="times"/> operations throw (default: until <see cref="Pass"/>).</summary>
    public void Fail(int times = int.MaxValue, string reason = "injected failure") =>
        Set(() => new IOException($"{Operation}: {reason}"), times);

    /// <summary>The next <paramref name="times"/> operations are refused without writing (<see cref="JournalRejectedException"/>).</summary>
    public void Reject(int times = int.MaxValue, string reason = "injected rejection") =>
        Set(() => new JournalRejectedException($"{Operation}: {reason}"), times);

    /// <summary>Operations wait until <see cref="Release"/>; lets a spec look at the actor while a write is under way.</summary>
    public void Hold()
    {
        lock (_gate) _held ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Release()
    {
        TaskCompletionSource? held;
        lock (_gate)
        {
            held = _held;
            _held = null;
        }
        held?.TrySetResult();
    }

    /// <summary>Waits if held, then throws the configured fault (if any).</summary>
    internal async Task Apply()
    {
        Task? wait;
        lock (_gate) wait = _held?.Task;
        if (wait is not null) await wait.ConfigureAwait(false);
        Exception? fault = null;
        lock (_gate)
        {
            Calls++;
            if (_fault is not null && _times > 0)
            {
                fault = _fault();
                if (_times != int.MaxValue && --_times == 0) _fault = null;
            }
        }
        if (fault is not null) throw fault;
    }

    private void Set(Func<Exception> fault, int times)
    {
        if (times < 1) throw new ArgumentOutOfRangeException(nameof(times));
        lock (_gate)
        {
            _fault = fault;
            _times = times;
        }
    }
}
