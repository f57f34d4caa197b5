namespace Miner.Actors.Kernel;

/// <summary>Kernel settings (bound from <c>miner.actors</c> in HOCON by the host).</summary>
public sealed record ActorSystemSettings
{
    /// <summary>User messages a mailbox handles per turn before giving its thread back (Akka uses 30; 100 measured faster for fan-in here).</summary>
    public int Throughput { get; init; } = 100;

    /// <summary>Stash capacity for actors whose Props do not set one.</summary>
    public int DefaultStashCapacity { get; init; } = 1000;

    /// <summary>Window over which the introspection snapshot counts restarts.</summary>
    public TimeSpan RestartStatsWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Strategy of the /user guardian for top-level actors; Escalate there shuts the system down.</summary>
    public SupervisorStrategy? GuardianStrategy { get; init; }

    /// <summary>Clock and timers; null means wall-clock time.</summary>
    public IScheduler? Scheduler { get; init; }

    /// <summary>Thread model; null means the thread pool with <see cref="Throughput"/>.</summary>
    public IDispatcher? Dispatcher { get; init; }
}
