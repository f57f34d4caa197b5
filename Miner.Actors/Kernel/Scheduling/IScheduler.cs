namespace Miner.Actors.Kernel;

/// <summary>Runs actions after a delay. Implementations: <see cref="RealScheduler"/> and <see cref="VirtualScheduler"/>.</summary>
public interface IScheduler : IClock
{
    /// <summary>Runs <paramref name="action"/> once after <paramref name="delay"/> (zero or negative: as soon as possible).</summary>
    ICancelable ScheduleOnce(TimeSpan delay, Action action);

    /// <summary>Runs <paramref name="action"/> after <paramref name="initialDelay"/> and then every <paramref name="interval"/>.</summary>
    ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action);
}
