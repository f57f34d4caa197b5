namespace Miner.Actors.Kernel;

/// <summary>Decides on which thread a mailbox runs its turn.</summary>
public interface IDispatcher
{
    /// <summary>User messages one mailbox processes per turn before it yields its thread.</summary>
    int Throughput { get; }

    void Schedule(IThreadPoolWorkItem mailboxRun);
}
