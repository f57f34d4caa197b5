using Akka.Actor;
using Akka.Configuration;
using Miner.Actors.Akka.Time;

namespace Miner.Specs.TestKit.Akka;

/// <summary>
/// Base class of specs on Akka.NET with virtual time: the system runs on <see cref="AkkaVirtualScheduler"/> and the
/// default dispatcher is a <see cref="DeterministicDispatcher"/>, so no actor turn runs until the spec calls
/// <see cref="Drain"/> or <see cref="Advance"/>, and every turn runs on the test thread. System actors and loggers
/// keep Akka's internal dispatcher. Rule: build the tree under one root actor and <see cref="IdentifyRoot"/> it
/// before advancing.
/// </summary>
public abstract class MinerSpec : global::Akka.TestKit.Xunit2.TestKit
{
    /// <summary>The configuration lines that put an actor system on virtual time.</summary>
    public const string VirtualTimeHocon = """
        akka.scheduler.implementation = "Miner.Actors.Akka.Time.AkkaVirtualScheduler, Miner.Actors"
        akka.actor.default-dispatcher.type = "Miner.Actors.Akka.Time.DeterministicDispatcherConfigurator, Miner.Actors"
        akka.loggers-dispatcher = akka.actor.internal-dispatcher
        """;

    protected MinerSpec(string? extraHocon = null, string systemName = "miner-spec")
        : base(BuildConfig(extraHocon), systemName)
    {
        Clock = (AkkaVirtualScheduler)Sys.Scheduler;
        Dispatcher = Clock.Dispatcher
            ?? throw new InvalidOperationException("the default dispatcher is not a DeterministicDispatcher");
    }

    public AkkaVirtualScheduler Clock { get; }

    public DeterministicDispatcher Dispatcher { get; }

    /// <summary>Runs every queued mailbox turn on the test thread; returns how many ran.</summary>
    public int Drain() => Dispatcher.Drain();

    /// <summary>Moves virtual time forward, firing due items in order and draining after each.</summary>
    public void Advance(TimeSpan by) => Clock.Advance(by);

    /// <summary>
    /// Asks <paramref name="actor"/> with a timeout on the virtual clock: the ask itself has no wall-clock timeout
    /// and is cancelled by a virtual-time ScheduleOnce; the task then fails with <see cref="AskTimeoutException"/>.
    /// </summary>
    public Task<T> AskVirtual<T>(IActorRef actor, object message, TimeSpan timeout)
    {
        var cts = new CancellationTokenSource();
        var timedOut = false;
        Sys.Scheduler.Advanced.ScheduleOnce(timeout, () =>
        {
            timedOut = true;
            cts.Cancel();
        });
        var result = new TaskCompletionSource<T>();
        actor.Ask<T>(message, Timeout.InfiniteTimeSpan, cts.Token).ContinueWith(ask =>
        {
            if (ask.IsCompletedSuccessfully) result.TrySetResult(ask.Result);
            else if (timedOut) result.TrySetException(new AskTimeoutException($"no reply from {actor.Path} within {timeout} of virtual time"));
            else if (ask.IsCanceled) result.TrySetCanceled();
            else result.TrySetException(ask.Exception!.InnerExceptions);
        }, TaskContinuationOptions.ExecuteSynchronously);
        return result.Task;
    }

    /// <summary>
    /// Drains until <paramref name="task"/> completes (a continuation may hop to the thread pool) and returns it;
    /// <paramref name="wallBound"/> (10 s by default) only bounds a failure.
    /// </summary>
    public Task<T> Completed<T>(Task<T> task, TimeSpan? wallBound = null)
    {
        var deadline = DateTime.UtcNow + (wallBound ?? TimeSpan.FromSeconds(10));
        while (!task.IsCompleted)
        {
            Drain();
            if (task.IsCompleted) break;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the task did not complete");
            Thread.Yield();
        }
        return task;
    }

    /// <summary>
    /// Identifies <paramref name="root"/> (draining until it answers) so that its tree is started before time moves.
    /// </summary>
    public void IdentifyRoot(IActorRef root)
    {
        var identify = Completed(root.Ask<ActorIdentity>(new Identify(root.Path.Name), Timeout.InfiniteTimeSpan));
        if (identify.Result.Subject is null) throw new InvalidOperationException($"{root.Path} is not alive");
        Drain();
    }

    protected override void AfterAll()
    {
        // Let the system's shutdown run the stops of user actors without a drain.
        Dispatcher.ReleaseToThreadPool();
        base.AfterAll();
    }

    private static Config BuildConfig(string? extraHocon) =>
        ConfigurationFactory.ParseString(VirtualTimeHocon + "\n" + (extraHocon ?? ""));
}
