namespace Miner.Actors.Kernel;

/// <summary>The directive applies to the failed child only.</summary>
public sealed class OneForOneStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Decider decider, bool loggingEnabled = true)
    : SupervisorStrategy(maxNrOfRetries, withinTimeRange, decider, loggingEnabled)
{
    internal override void ProcessFailure(ActorCell parent, bool restart, ChildEntry failed, Exception cause, IReadOnlyList<ChildEntry> children)
    {
        if (restart && failed.Stats.RequestRestartPermission(MaxNrOfRetries, WithinTimeRange, parent.System.Scheduler.UtcNow))
            parent.RestartChild(failed, cause, suspendFirst: false);
        else
            parent.StopChild(failed);
    }
}
