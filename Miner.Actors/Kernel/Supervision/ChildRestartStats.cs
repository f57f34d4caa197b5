namespace Miner.Actors.Kernel;

/// <summary>
/// Restart budget of one child. maxNrOfRetries -1 is unlimited, 0 never restarts; with a window the count
/// runs in a window opened by the first restart and reopened once it has expired (-1 with a window means 1).
/// </summary>
internal sealed class ChildRestartStats
{
    private int _count;
    private DateTimeOffset? _windowStart;

    public int RestartsInWindow => _count;

    public bool RequestRestartPermission(int maxNrOfRetries, TimeSpan? window, DateTimeOffset now)
    {
        if (maxNrOfRetries == 0) return false;
        if (window is null)
        {
            if (maxNrOfRetries < 0) return true;
            _count++;
            return _count <= maxNrOfRetries;
        }
        var retries = maxNrOfRetries < 0 ? 1 : maxNrOfRetries;
        _windowStart ??= now;
        if (now - _windowStart.Value <= window.Value)
        {
            _count++;
            return _count <= retries;
        }
        _windowStart = now;
        _count = 1;
        return true;
    }
}
