namespace Miner.Actors.Kernel;

/// <summary>
/// Keyed timers owned by one actor incarnation: starting a key replaces its timer, a tick of a replaced or
/// cancelled timer is discarded even if already queued, and all timers die on restart and stop.
/// </summary>
public interface ITimerScheduler
{
    void StartSingleTimer(object key, object message, TimeSpan delay);
    void StartPeriodicTimer(object key, object message, TimeSpan interval);
    void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval);
    bool IsTimerActive(object key);
    void Cancel(object key);
    void CancelAll();
    IReadOnlyCollection<object> ActiveKeys { get; }
}
