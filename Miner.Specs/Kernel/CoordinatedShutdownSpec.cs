using Miner.Actors.Kernel;
using Miner.Specs.TestKit;

namespace Miner.Specs.Kernel;

public sealed class CoordinatedShutdownSpec : ActorSpec
{
    [Fact]
    public void Phases_run_in_order_and_the_last_one_terminates_the_system()
    {
        var order = new List<string>();
        var shutdown = Sys.CoordinatedShutdown;
        shutdown.AddTask(CoordinatedShutdown.ServiceStop, "stop-pollers", _ => Record(order, "service-stop"));
        shutdown.AddTask(CoordinatedShutdown.BeforeServiceUnbind, "drain", _ => Record(order, "before-service-unbind"));
        Await(shutdown.RunAsync("operator"));
        Assert.Equal(new[] { "before-service-unbind", "service-stop" }, order);
        Assert.True(Sys.WhenTerminated.IsCompleted);
    }

    [Fact]
    public void A_phase_that_exceeds_its_timeout_is_logged_and_shutdown_goes_on()
    {
        var shutdown = Sys.CoordinatedShutdown;
        shutdown.SetPhaseTimeout(CoordinatedShutdown.ServiceStop, TimeSpan.FromSeconds(5));
        shutdown.AddTask(CoordinatedShutdown.ServiceStop, "hangs", token => Task.Delay(Timeout.Infinite, token));
        var warnings = EventFilter.Log(LogLevel.Warning, "timed out", 1, () =>
        {
            var run = shutdown.RunAsync("hang");
            WaitUntil(() => Clock.PendingCount > 0);
            Advance(TimeSpan.FromSeconds(5));
            Await(run);
        });
        Assert.Contains(CoordinatedShutdown.ServiceStop, warnings[0].Render(), StringComparison.Ordinal);
        Assert.True(Sys.WhenTerminated.IsCompleted);
    }

    [Fact]
    public void A_failing_task_is_logged_and_the_other_phases_still_run()
    {
        var order = new List<string>();
        var shutdown = Sys.CoordinatedShutdown;
        shutdown.AddTask(CoordinatedShutdown.ServiceUnbind, "broken", _ => throw new InvalidOperationException("socket gone"));
        shutdown.AddTask(CoordinatedShutdown.ServiceStop, "later", _ => Record(order, "later"));
        EventFilter.Exception<InvalidOperationException>(1, () => Await(shutdown.RunAsync("test")));
        Assert.Equal(new[] { "later" }, order);
    }

    [Fact]
    public void Running_shutdown_twice_returns_the_first_run()
    {
        var shutdown = Sys.CoordinatedShutdown;
        var first = shutdown.RunAsync("first");
        Assert.Same(first, shutdown.RunAsync("second"));
        Assert.Equal("first", shutdown.Reason);
    }

    [Fact]
    public void A_task_for_an_unknown_phase_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Sys.CoordinatedShutdown.AddTask("after-the-end", "x", _ => Task.CompletedTask));
    }

    private static Task Record(List<string> order, string entry)
    {
        lock (order) order.Add(entry);
        return Task.CompletedTask;
    }
}
