namespace Miner.Actors.Kernel;

/// <summary>
/// How a parent handles a child's failure: the <see cref="Decider"/> picks a directive, the restart budget
/// (<see cref="MaxNrOfRetries"/> within <see cref="WithinTimeRange"/>) may turn a restart into a stop (never an
/// escalation), and the subclass decides which children it applies to.
/// </summary>
public abstract class SupervisorStrategy
{
    protected SupervisorStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Decider decider, bool loggingEnabled)
    {
        if (maxNrOfRetries < -1) throw new ArgumentOutOfRangeException(nameof(maxNrOfRetries), "-1 (unlimited) or more");
        MaxNrOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange;
        Decider = decider;
        LoggingEnabled = loggingEnabled;
    }

    /// <summary>OneForOne, unlimited restarts, <see cref="Kernel.Decider.Default"/>.</summary>
    public static SupervisorStrategy Default { get; } = new OneForOneStrategy(-1, null, Decider.Default);

    /// <summary>OneForOne that stops any failing child.</summary>
    public static SupervisorStrategy Stopping { get; } = new OneForOneStrategy(0, null, new Decider(Directive.Stop));

    public int MaxNrOfRetries { get; }
    public TimeSpan? WithinTimeRange { get; }
    public Decider Decider { get; }
    public bool LoggingEnabled { get; }

    /// <summary>Applies a Restart (<paramref name="restart"/> true) or Stop to the failed child and, per strategy, its siblings.</summary>
    internal abstract void ProcessFailure(ActorCell parent, bool restart, ChildEntry failed, Exception cause, IReadOnlyList<ChildEntry> children);
}
