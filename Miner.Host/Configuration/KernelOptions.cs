using Miner.Actors.Kernel;
using Miner.Models.Configuration.Rules;

namespace Miner.Host.Configuration;

/// <summary>The <c>actors</c> section: settings of the actor kernel.</summary>
public sealed class KernelOptions
{
    /// <summary>User messages a mailbox handles per turn before it yields its thread.</summary>
    [Between(1, 100_000)]
    public int Throughput { get; set; } = 100;

    /// <summary>Stash capacity of actors whose Props do not set one.</summary>
    [Between(1, 10_000_000)]
    public int StashCapacity { get; set; } = 1000;

    /// <summary>Window over which the tree snapshot counts restarts.</summary>
    [Positive(Max = "30d")]
    public TimeSpan RestartStatsWindow { get; set; } = TimeSpan.FromMinutes(10);

    public ActorSystemSettings ToSettings() => new()
    {
        Throughput = Throughput,
        DefaultStashCapacity = StashCapacity,
        RestartStatsWindow = RestartStatsWindow,
    };
}
