namespace Miner.Actors.Kernel;

internal sealed partial class ActorCell
{
    private readonly Queue<DateTimeOffset> _recentRestarts = new();
    private long _messagesProcessed;
    private int _incarnation;
    private int _totalRestarts;
    private FailureInfo? _lastFailure;

    private void RecordFailure(Exception cause) =>
        _lastFailure = new FailureInfo(cause.GetType().Name, cause.Message, System.Scheduler.UtcNow);

    private void RecordRestart()
    {
        _totalRestarts++;
        _recentRestarts.Enqueue(System.Scheduler.UtcNow);
        while (_recentRestarts.Count > 64) _recentRestarts.Dequeue();
    }

    /// <summary>The snapshot row; <paramref name="responsive"/> false when read from another thread after a timeout.</summary>
    internal ActorSnapshot Describe(bool responsive)
    {
        var now = System.Scheduler.UtcNow;
        var window = System.Settings.RestartStatsWindow;
        var state = !responsive ? ActorState.Unresponsive
            : _terminated ? ActorState.Stopped
            : _terminating ? ActorState.Stopping
            : _pendingRecreateCause is not null ? ActorState.Restarting
            : _failed ? ActorState.Failed
            : Actor is null ? ActorState.Starting
            : _suspendCount > 0 ? ActorState.Suspended
            : ActorState.Running;
        string? summary = null;
        IReadOnlyList<string> timers = [];
        if (responsive && Actor is not null)
        {
            try
            {
                summary = Actor.DescribeState();
            }
            catch (Exception error)
            {
                summary = $"<DescribeState threw {error.GetType().Name}>";
            }
            timers = _timers?.ActiveKeys.Select(k => k.ToString() ?? "").OrderBy(k => k, StringComparer.Ordinal).ToArray() ?? [];
        }
        return new ActorSnapshot(
            Self.Path.ToString(),
            Props.ActorType.Name,
            Uid,
            _incarnation,
            state,
            Mailbox.UserDepth,
            _stash?.Count ?? 0,
            Volatile.Read(ref _messagesProcessed),
            responsive ? _recentRestarts.Count(t => now - t <= window) : 0,
            _totalRestarts,
            _lastFailure,
            timers,
            summary);
    }
}
