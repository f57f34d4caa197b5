namespace Miner.Actors.Kernel;

/// <summary>
/// Wall-clock scheduler on System.Threading.Timer. A one-shot action never runs before <see cref="UtcNow"/> reaches its
/// due time: the timer counts whole milliseconds on the monotonic clock and can fire a hair early by the wall clock,
/// and an actor that checks "now &gt;= deadline" on its tick would then never act.
/// </summary>
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
        private readonly DateTimeOffset _due;
        private volatile bool _cancelled;

        public TimerItem(TimeSpan delay, TimeSpan interval, Action action)
        {
            _action = action;
            _repeating = interval != Timeout.InfiniteTimeSpan;
            if (delay < TimeSpan.Zero) delay = TimeSpan.Zero;
            _due = DateTimeOffset.UtcNow + delay;
            _timer = new Timer(static s => ((TimerItem)s!).Fire(), this, Timeout.Infinite, Timeout.Infinite);
            _timer.Change(WholeMillisecondsUp(delay), interval);
        }

        private static TimeSpan WholeMillisecondsUp(TimeSpan delay) => TimeSpan.FromMilliseconds(Math.Ceiling(delay.TotalMilliseconds));

        public bool IsCancellationRequested => _cancelled;

        public void Cancel()
        {
            _cancelled = true;
            _timer.Dispose();
        }

        private void Fire()
        {
            if (_cancelled) return;
            if (!_repeating)
            {
                var early = _due - DateTimeOffset.UtcNow;
                if (early > TimeSpan.Zero)
                {
                    try
                    {
                        _timer.Change(WholeMillisecondsUp(early), Timeout.InfiniteTimeSpan);
                    }
                    catch (ObjectDisposedException)
                    {
                        // Cancelled meanwhile.
                    }
                    return;
                }
                _timer.Dispose();
            }
            _action();
        }
    }
}
