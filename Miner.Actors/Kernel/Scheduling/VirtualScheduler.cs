namespace Miner.Actors.Kernel;

/// <summary>
/// Virtual time for specs: nothing fires until <see cref="Advance"/> moves the clock. Items due at the same
/// instant fire in the order they were scheduled; repeating items are rescheduled, cancelled ones skipped.
/// An optional <see cref="BetweenItems"/> hook (the test kit's dispatcher drain) runs after every item, so work
/// triggered by one tick is done before the next tick fires.
/// </summary>
public sealed class VirtualScheduler : IScheduler
{
    private readonly object _gate = new();
    private readonly PriorityQueue<Item, (DateTimeOffset Due, long Seq)> _queue = new();
    private DateTimeOffset _now;
    private long _seq;

    public VirtualScheduler(DateTimeOffset? start = null) => _now = start ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public Action? BetweenItems { get; set; }

    public DateTimeOffset UtcNow
    {
        get { lock (_gate) return _now; }
    }

    public int PendingCount
    {
        get { lock (_gate) return _queue.Count; }
    }

    public ICancelable ScheduleOnce(TimeSpan delay, Action action) => Add(delay, null, action);

    public ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action)
    {
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), "interval must be positive");
        return Add(initialDelay, interval, action);
    }

    /// <summary>Moves the clock forward by <paramref name="by"/>, firing every item that falls due on the way.</summary>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "time only moves forward");
        DateTimeOffset target;
        lock (_gate) target = _now + by;
        AdvanceTo(target);
    }

    public void AdvanceTo(DateTimeOffset target)
    {
        BetweenItems?.Invoke();
        while (true)
        {
            Item? item;
            lock (_gate)
            {
                if (!_queue.TryPeek(out item, out var key) || key.Due > target) break;
                _queue.Dequeue();
                if (key.Due > _now) _now = key.Due;
                if (item.Cancelled) continue;
                if (item.Interval is { } interval) _queue.Enqueue(item, (key.Due + interval, _seq++));
            }
            item.Action();
            BetweenItems?.Invoke();
        }
        lock (_gate)
        {
            if (target > _now) _now = target;
        }
        BetweenItems?.Invoke();
    }

    private Item Add(TimeSpan delay, TimeSpan? interval, Action action)
    {
        var item = new Item(action, interval);
        lock (_gate) _queue.Enqueue(item, (_now + (delay < TimeSpan.Zero ? TimeSpan.Zero : delay), _seq++));
        return item;
    }

    private sealed class Item(Action action, TimeSpan? interval) : ICancelable
    {
        public Action Action { get; } = action;
        public TimeSpan? Interval { get; } = interval;
        public volatile bool Cancelled;
        public bool IsCancellationRequested => Cancelled;
        public void Cancel() => Cancelled = true;
    }
}
