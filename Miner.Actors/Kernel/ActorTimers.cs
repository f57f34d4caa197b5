namespace Miner.Actors.Kernel;

/// <summary>
/// Keyed timers of one actor. Every start gets a new generation number; a tick is delivered only if its key
/// still maps to that generation, so ticks of replaced, cancelled or previous-incarnation timers are discarded.
/// </summary>
internal sealed class ActorTimers(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, Entry> _timers = new();
    private long _generation;

    public IReadOnlyCollection<object> ActiveKeys => _timers.Keys.ToArray();

    public void StartSingleTimer(object key, object message, TimeSpan delay) => Start(key, message, delay, null);

    public void StartPeriodicTimer(object key, object message, TimeSpan interval) => Start(key, message, interval, interval);

    public void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval) =>
        Start(key, message, initialDelay, interval);

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_timers.Remove(key, out var entry)) entry.Handle.Cancel();
    }

    public void CancelAll()
    {
        foreach (var entry in _timers.Values) entry.Handle.Cancel();
        _timers.Clear();
    }

    /// <summary>The payload to deliver for a queued tick, or false if the tick is stale.</summary>
    public bool TryAccept(TimerFired tick, out object payload)
    {
        if (_timers.TryGetValue(tick.Key, out var entry) && entry.Generation == tick.Generation)
        {
            if (!entry.Periodic) _timers.Remove(tick.Key);
            payload = entry.Message;
            return true;
        }
        payload = tick;
        return false;
    }

    private void Start(object key, object message, TimeSpan delay, TimeSpan? interval)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        Cancel(key);
        var tick = new TimerFired(key, ++_generation);
        var self = cell.Self;
        var scheduler = cell.System.Scheduler;
        var handle = interval is { } every
            ? scheduler.ScheduleRepeatedly(delay, every, () => self.Tell(tick))
            : scheduler.ScheduleOnce(delay, () => self.Tell(tick));
        _timers[key] = new Entry(message, tick.Generation, interval is not null, handle);
    }

    private sealed record Entry(object Message, long Generation, bool Periodic, ICancelable Handle);
}
