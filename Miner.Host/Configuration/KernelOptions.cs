using Miner.Actors.Kernel;

namespace Miner.Host.Configuration;

/// <summary>The <c>actors</c> section: settings of the actor kernel.</summary>
public sealed class KernelOptions
{
    /// <summary>User messages a mailbox handles per turn before it yields its thread.</summary>
    public int Throughput { get; set; } = 100;

    /// <summary>Stash capacity of actors whose Props do not set one.</summary>
    public int StashCapacity { get; set; } = 1000;

    /// <summary>Window over which the tree snapshot counts restarts.</summary>
    public TimeSpan RestartStatsWindow { get; set; } = TimeSpan.FromMinutes(10);

    public ActorSystemSettings ToSettings() => new()
    {
        Throughput = Throughput,
        DefaultStashCapacity = StashCapacity,
        RestartStatsWindow = RestartStatsWindow,
    };
}
