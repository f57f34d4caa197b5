namespace Miner.Actors.Kernel;

/// <summary>Wall-clock scheduler on System.Threading.Timer.</summary>
public sealed class RealScheduler : IScheduler
{
    public static RealScheduler Instance { get; } = new();

    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

    public ICancelable ScheduleOnce(TimeSpan delay, Action action) => new TimerItem(delay, Timeout.InfiniteTimeSpan, action);

    public ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action)
    {
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), "interval must be positive");
        return new TimerItem(initialDelay, interval, action);
    }

    private sealed class TimerItem : ICancelable
    {
        private readonly Timer _timer;
        private readonly Action _action;
        private readonly bool _repeating;
        private volatile bool _cancelled;

        public TimerItem(TimeSpan delay, TimeSpan interval, Action action)
        {
            _action = action;
            _repeating = interval != Timeout.InfiniteTimeSpan;
            _timer = new Timer(static s => ((TimerItem)s!).Fire(), this, Timeout.Infinite, Timeout.Infinite);
            _timer.Change(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, interval);
        }

        public bool IsCancellationRequested => _cancelled;

        public void Cancel()
        {
            _cancelled = true;
            _timer.Dispose();
        }

        private void Fire()
        {
            if (_cancelled) return;
            if (!_repeating) _timer.Dispose();
            _action();
        }
    }
}
