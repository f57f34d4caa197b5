using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;
using Miner.Actors.Akka.Time;
using Miner.Actors.Storage;
using Xunit.Sdk;

namespace Miner.Specs.TestKit.Akka;

/// <summary>
/// Base class of actor specs, on Akka.TestKit with virtual time: the system runs on <see cref="AkkaVirtualScheduler"/>
/// and the default dispatcher is a <see cref="DeterministicDispatcher"/>, so time moves only when the spec calls
/// <see cref="Advance"/>, and actor turns run one at a time in arrival order. By default the dispatcher's pump runs
/// turns as they arrive, so Akka's blocking <c>ExpectMsg</c> works; <see cref="Drain"/> waits until no turn is queued
/// or running. Pass <c>pump: false</c> to run every turn on the test thread (only <see cref="Drain"/> and
/// <see cref="Advance"/> run them). Pass <c>realTime: true</c> for specs of real processes and sockets: Akka's own
/// scheduler and thread-pool dispatcher, no virtual clock. Persistence is in memory. Rule: start a tree
/// (<see cref="IdentifyRoot"/>) before advancing.
/// </summary>
public abstract class MinerSpec : global::Akka.TestKit.Xunit2.TestKit
{
    /// <summary>Only bounds a failure: every wait returns as soon as its condition holds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Akka.Persistence.TestKit's journal (writes that fail, are rejected or wait on demand), on the spec's dispatcher.</summary>
    public const string TestJournalHocon = """
        akka.persistence.journal.plugin = "akka.persistence.journal.test"
        akka.persistence.journal.test {
          class = "Akka.Persistence.TestKit.TestJournal, Akka.Persistence.TestKit"
          plugin-dispatcher = "akka.actor.default-dispatcher"
          replay-dispatcher = "akka.actor.default-dispatcher"
        }
        """;

    private const string SpecHocon = """
        akka.loglevel = INFO
        akka.stdout-loglevel = WARNING
        akka.test.single-expect-default = 10s
        akka.actor.debug.unhandled = on
        """;

    private readonly AkkaVirtualScheduler? _clock;

    protected MinerSpec(string? extraHocon = null, bool pump = true, bool realTime = false, string systemName = "miner-spec")
        : this(extraHocon is null ? Config.Empty : ConfigurationFactory.ParseString(extraHocon), pump, realTime, systemName)
    {
    }

    /// <param name="extra">Settings over the spec's own (e.g. a real journal from <c>AkkaPersistenceConfig.For</c>).</param>
    protected MinerSpec(Config extra, bool pump = true, bool realTime = false, string systemName = "miner-spec")
        : base(BuildConfig(extra, realTime), systemName)
    {
        if (!realTime)
        {
            _clock = (AkkaVirtualScheduler)Sys.Scheduler;
            Dispatcher = _clock.Dispatcher
                ?? throw new InvalidOperationException("the default dispatcher is not a DeterministicDispatcher");
            if (pump) Dispatcher.StartPump();
        }
        TestActor = CreateTestProbe("test-actor");
        StartPersistencePlugins();
    }

    /// <summary>The virtual clock (not in real-time specs).</summary>
    public AkkaVirtualScheduler Clock => _clock ?? throw new InvalidOperationException("a real-time spec has no virtual clock");

    /// <summary>The deterministic dispatcher; null in real-time specs.</summary>
    public DeterministicDispatcher? Dispatcher { get; }

    /// <summary>A probe to send from and expect on (hides the kit's own test actor, which the specs do not use).</summary>
    public new TestProbe TestActor { get; }

    /// <summary>Waits until no turn is queued or running (with the pump), or runs them all here (without).</summary>
    public int Drain() => Dispatcher?.Drain() ?? 0;

    /// <summary>Moves virtual time forward, firing due items in order and draining after each.</summary>
    public void Advance(TimeSpan by) => Clock.Advance(by);

    /// <summary>
    /// Fails if <paramref name="probe"/> holds a message once the actors are idle; waits no wall time (100 ms in a
    /// real-time spec, which cannot know when its actors are idle).
    /// </summary>
    public void ExpectNoMsgSettled(TestProbe probe)
    {
        if (Dispatcher is null) Thread.Sleep(100);
        Drain();
        if (probe.HasMessages)
        {
            var message = probe.ReceiveOne(TimeSpan.Zero);
            throw new XunitException($"expected no message at {probe.Ref.Path} but received {message?.GetType().Name} {message}");
        }
    }

    /// <summary>Drains until <paramref name="condition"/> holds or <paramref name="timeout"/> (wall time) passes.</summary>
    public bool WaitUntil(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            Drain();
            if (condition()) return true;
            if (DateTime.UtcNow > deadline) return false;
            Thread.Sleep(1);
        }
    }

    /// <summary>The task's result once it completes, draining meanwhile.</summary>
    public T Await<T>(Task<T> task, TimeSpan? timeout = null) => Completed(task, timeout).GetAwaiter().GetResult();

    public void Await(Task task, TimeSpan? timeout = null)
    {
        if (!WaitUntil(() => task.IsCompleted, timeout)) throw new TimeoutException("the task did not complete");
        task.GetAwaiter().GetResult();
    }

    /// <summary>Runs <paramref name="block"/> and returns the events of type <typeparamref name="T"/> published meanwhile.</summary>
    public List<T> CollectEvents<T>(Action block, Func<T, bool>? where = null)
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(T));
        try
        {
            block();
            Drain();
        }
        finally
        {
            Sys.EventStream.Unsubscribe(probe.Ref, typeof(T));
        }
        var seen = new List<T>();
        while (probe.HasMessages)
            if (probe.ReceiveOne(TimeSpan.Zero) is T e && (where is null || where(e)))
                seen.Add(e);
        return seen;
    }

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
        if (!WaitUntil(() => task.IsCompleted, wallBound)) throw new TimeoutException("the task did not complete");
        return task;
    }

    /// <summary>
    /// Creates a top-level actor and waits until it has started. Akka starts a top-level actor through the user
    /// guardian, on the guardian's thread, so right after <c>Sys.ActorOf</c> a drain may find nothing to run yet.
    /// </summary>
    public IActorRef StartActor(Props props, string? name = null)
    {
        var actor = Sys.ActorOf(props, name);
        IdentifyRoot(actor);
        return actor;
    }

    /// <summary>Identifies <paramref name="root"/> (draining until it answers) so that its tree is started before time moves.</summary>
    public void IdentifyRoot(IActorRef root)
    {
        var identify = Completed(root.Ask<ActorIdentity>(new Identify(root.Path.Name), Timeout.InfiniteTimeSpan));
        if (identify.Result.Subject is null) throw new InvalidOperationException($"{root.Path} is not alive");
        Drain();
    }

    /// <summary>
    /// Starts the journal and snapshot plugins now and waits for them: Akka starts them on first use through the
    /// system guardian, on another thread, so a drain could return before the first persistent actor recovered.
    /// </summary>
    private void StartPersistencePlugins()
    {
        var persistence = global::Akka.Persistence.Persistence.Instance.Apply(Sys);
        IdentifyRoot(persistence.JournalFor(null));
        IdentifyRoot(persistence.SnapshotStoreFor(null));
    }

    protected override void AfterAll()
    {
        // Let the system's shutdown run the stops of user actors without a drain.
        Dispatcher?.ReleaseToThreadPool();
        base.AfterAll();
    }


    private static Config BuildConfig(Config extra, bool realTime) =>
        extra.WithFallback(ConfigurationFactory.ParseString((realTime ? AkkaPersistenceConfig.InMemoryHocon : VirtualTime.Hocon) + "\n" + SpecHocon));
}
