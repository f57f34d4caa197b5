using Miner.Actors.Kernel;

namespace Miner.Specs.TestKit;

/// <summary>
/// Base class of actor specs. By default every mailbox turn runs on the test thread (a
/// <see cref="DeterministicDispatcher"/>) and time is virtual (a <see cref="VirtualScheduler"/>): nothing happens
/// until the kit drains the dispatcher (every Expect does) or advances the clock. Pass <c>realThreads</c> for
/// specs about concurrency.
/// </summary>
public abstract class ActorSpec : IDisposable
{
    /// <summary>
    /// Every wait returns as soon as its condition holds, so this only bounds a failure. It is generous because work
    /// off the dispatcher (journal writes, HTTP) shares two cores with the real-time end-to-end specs: 3 s was exceeded.
    /// </summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly List<TestProbe> _probes = new();

    protected ActorSpec(ActorSystemSettings? settings = null, bool realThreads = false)
    {
        settings ??= new ActorSystemSettings();
        Clock = new VirtualScheduler();
        Dispatcher = realThreads ? null : new DeterministicDispatcher(settings.Throughput);
        Sys = ActorSystem.Create("spec", settings with
        {
            Scheduler = settings.Scheduler ?? Clock,
            Dispatcher = settings.Dispatcher ?? (IDispatcher?)Dispatcher,
        });
        if (Dispatcher is not null) Clock.BetweenItems = Drain;
        EventFilter = new EventFilter(this);
        TestActor = CreateTestProbe("test-actor");
    }

    public ActorSystem Sys { get; }
    public VirtualScheduler Clock { get; }
    public DeterministicDispatcher? Dispatcher { get; }
    public EventFilter EventFilter { get; }

    /// <summary>A default probe, handy as the sender of messages the spec sends.</summary>
    public TestProbe TestActor { get; }

    public TestProbe CreateTestProbe(string? name = null)
    {
        var probe = new TestProbe(this, name ?? "probe-" + (_probes.Count + 1));
        _probes.Add(probe);
        return probe;
    }

    /// <summary>Runs every queued mailbox turn (deterministic mode); a no-op with real threads.</summary>
    public void Drain() => Dispatcher?.RunUntilIdle();

    /// <summary>Moves virtual time forward, firing due timers in order and draining after each.</summary>
    public void Advance(TimeSpan by) => Clock.Advance(by);

    /// <summary>Waits (draining) until <paramref name="condition"/> holds or the timeout passes.</summary>
    public bool WaitUntil(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            Drain();
            if (condition()) return true;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) return false;
            if (Dispatcher is not null) Dispatcher.WaitForWork(left < TimeSpan.FromMilliseconds(20) ? left : TimeSpan.FromMilliseconds(20));
            else Thread.Sleep(1);
        }
    }

    /// <summary>The task's result once it completes, draining meanwhile.</summary>
    public T Await<T>(Task<T> task, TimeSpan? timeout = null)
    {
        if (!WaitUntil(() => task.IsCompleted, timeout)) throw new TimeoutException("task did not complete in time");
        return task.GetAwaiter().GetResult();
    }

    public void Await(Task task, TimeSpan? timeout = null)
    {
        if (!WaitUntil(() => task.IsCompleted, timeout)) throw new TimeoutException("task did not complete in time");
        task.GetAwaiter().GetResult();
    }

    /// <summary>Retries <paramref name="assertion"/> until it passes or <paramref name="duration"/> runs out (then rethrows).</summary>
    public void AwaitAssert(Action assertion, TimeSpan? duration = null)
    {
        var deadline = DateTime.UtcNow + (duration ?? DefaultTimeout);
        while (true)
        {
            Drain();
            try
            {
                assertion();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                if (Dispatcher is not null) Dispatcher.WaitForWork(TimeSpan.FromMilliseconds(10));
                else Thread.Sleep(5);
            }
        }
    }

    /// <summary>Runs <paramref name="block"/> and fails if it took longer than <paramref name="max"/> of virtual time.</summary>
    public T Within<T>(TimeSpan max, Func<T> block)
    {
        var start = Clock.UtcNow;
        var result = block();
        var took = Clock.UtcNow - start;
        if (took > max) throw new Xunit.Sdk.XunitException($"block took {took} of virtual time, more than {max}");
        return result;
    }

    public void Within(TimeSpan max, Action block) => Within(max, () =>
    {
        block();
        return true;
    });

    public virtual void Dispose()
    {
        GC.SuppressFinalize(this);
        var terminated = Sys.Terminate();
        WaitUntil(() => terminated.IsCompleted, TimeSpan.FromSeconds(5));
    }
}
