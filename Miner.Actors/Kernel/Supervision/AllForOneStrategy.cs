namespace Miner.Actors.Kernel;

/// <summary>
/// The directive applies to every child: all are restarted (siblings suspended first) only if each is granted
/// a restart by its budget, otherwise all are stopped. Suits children that share one resource, like a GPU context.
/// </summary>
public sealed class AllForOneStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Decider decider, bool loggingEnabled = true)
    : SupervisorStrategy(maxNrOfRetries, withinTimeRange, decider, loggingEnabled)
{
    internal override void ProcessFailure(ActorCell parent, bool restart, ChildEntry failed, Exception cause, IReadOnlyList<ChildEntry> children)
    {
        var now = parent.System.Scheduler.UtcNow;
        var granted = true;
        foreach (var child in children) granted &= child.Stats.RequestRestartPermission(MaxNrOfRetries, WithinTimeRange, now);
        foreach (var child in children)
        {
            if (restart && granted) parent.RestartChild(child, cause, suspendFirst: !ReferenceEquals(child, failed));
            else parent.StopChild(child);
        }
    }
}
