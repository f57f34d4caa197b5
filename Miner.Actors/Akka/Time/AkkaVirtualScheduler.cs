using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Event;

namespace Miner.Actors.Akka.Time;

/// <summary>
/// Virtual time for Akka.NET specs and benches, plugged in with
/// <c>akka.scheduler.implementation = "Miner.Actors.Akka.Time.AkkaVirtualScheduler, Miner.Actors"</c>.
/// Nothing fires until <see cref="Advance"/> or <see cref="AdvanceTo"/> moves the clock. Items fire in due-time
/// order, items due at the same instant in the order they were scheduled; repeating items are rescheduled from
/// their due time (no drift); an item whose cancelable is cancelled never fires again. When the default
/// dispatcher is a <see cref="DeterministicDispatcher"/>, it is drained before the first item, after every item
/// and at the target time, so the work one tick triggers is done before the next tick fires.
/// </summary>
public sealed class AkkaVirtualScheduler : SchedulerBase, IDisposable
{
    /// <summary>Virtual time starts here, so runs are reproducible.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly object _gate = new();
    private readonly PriorityQueue<Item, (TimeSpan Due, long Seq)> _queue = new();
    private TimeSpan _elapsed;
    private long _seq;
    private bool _disposed;

    public AkkaVirtualScheduler(Config config, ILoggingAdapter log) : base(config, log)
    {
    }

    /// <summary>The dispatcher drained between items; set by <see cref="DeterministicDispatcherConfigurator"/>.</summary>
    public DeterministicDispatcher? Dispatcher { get; internal set; }

    /// <summary>Virtual time elapsed since the system started.</summary>
    public TimeSpan Elapsed
    {
        get { lock (_gate) return _elapsed; }
    }

    /// <summary>Items waiting to fire (cancelled ones included until their due time passes).</summary>
    public int PendingCount
    {
        get { lock (_gate) return _queue.Count; }
    }

    protected override DateTimeOffset TimeNow => Epoch + Elapsed;

    /// <summary>The virtual time now (what actors read as <c>Context.System.Scheduler.Now</c>).</summary>
    public DateTimeOffset Now => TimeNow;

    public override TimeSpan MonotonicClock => Elapsed;

    public override TimeSpan HighResMonotonicClock => Elapsed;

    /// <summary>Moves the clock forward by <paramref name="by"/>, firing every item that falls due on the way.</summary>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "time only moves forward");
        TimeSpan target;
        lock (_gate) target = _elapsed + by;
        AdvanceToElapsed(target);
    }

    /// <summary>Moves the clock to <paramref name="target"/> (no-op if it is in the past), firing what falls due.</summary>
    public void AdvanceTo(DateTimeOffset target) => AdvanceToElapsed(target - Epoch);

    private void AdvanceToElapsed(TimeSpan target) => DeterministicDispatcher.OnDefaultTaskScheduler(() => FireUpTo(target));

    private void FireUpTo(TimeSpan target)
    {
        Drain();
        while (true)
        {
            Item? item;
            lock (_gate)
            {
                if (!_queue.TryPeek(out item, out var key) || key.Due > target) break;
                _queue.Dequeue();
                if (key.Due > _elapsed) _elapsed = key.Due;
                if (item.IsCancelled) continue;
                if (item.Interval is { } interval) _queue.Enqueue(item, (key.Due + interval, _seq++));
            }
            item.Fire();
            Drain();
        }
        lock (_gate)
        {
            if (target > _elapsed) _elapsed = target;
        }
        Drain();
    }

    private void Drain() => Dispatcher?.Drain();

    protected override void InternalScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable) =>
        Add(delay, null, () => receiver.Tell(message, sender), cancelable);

    protected override void InternalScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable) =>
        Add(initialDelay, interval, () => receiver.Tell(message, sender), cancelable);

    protected override void InternalScheduleOnce(TimeSpan delay, Action action, ICancelable cancelable) =>
        Add(delay, null, action, cancelable);

    protected override void InternalScheduleOnce(TimeSpan delay, IRunnable action, ICancelable cancelable) =>
        Add(delay, null, action.Run, cancelable);

    protected override void InternalScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action, ICancelable cancelable) =>
        Add(initialDelay, interval, action, cancelable);

    protected override void InternalScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, IRunnable action, ICancelable cancelable) =>
        Add(initialDelay, interval, action.Run, cancelable);

    private void Add(TimeSpan delay, TimeSpan? interval, Action action, ICancelable? cancelable)
    {
        var item = new Item(action, interval, cancelable);
        lock (_gate)
        {
            if (_disposed) return;
            _queue.Enqueue(item, (_elapsed + (delay < TimeSpan.Zero ? TimeSpan.Zero : delay), _seq++));
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _queue.Clear();
        }
    }

    private sealed class Item(Action action, TimeSpan? interval, ICancelable? cancelable)
    {
        public TimeSpan? Interval { get; } = interval;
        public bool IsCancelled => cancelable?.IsCancellationRequested == true;
        public void Fire() => action();
    }
}
