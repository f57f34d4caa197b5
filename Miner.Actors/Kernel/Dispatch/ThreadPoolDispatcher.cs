namespace Miner.Actors.Kernel;

/// <summary>Production dispatcher: mailbox turns run on the .NET thread pool.</summary>
public sealed class ThreadPoolDispatcher(int throughput = 100) : IDispatcher
{
    public int Throughput { get; } = throughput > 0 ? throughput : throw new ArgumentOutOfRangeException(nameof(throughput));

    public void Schedule(IThreadPoolWorkItem mailboxRun) => ThreadPool.UnsafeQueueUserWorkItem(mailboxRun, preferLocal: true);
}
