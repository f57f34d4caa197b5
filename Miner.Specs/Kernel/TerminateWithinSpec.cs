using Miner.Actors.Kernel;
using Miner.Specs.TestKit;

namespace Miner.Specs.Kernel;

/// <summary>A bounded termination: a process that must exit is not held by one stuck handler.</summary>
public sealed class TerminateWithinSpec() : ActorSpec(realThreads: true)
{
    [Fact]
    public async Task A_system_whose_actors_stop_reports_that_they_stopped_in_time()
    {
        Sys.ActorOf(Props.Create(() => new Idle()), "idle");

        var report = await Sys.TerminateWithin(TimeSpan.FromMinutes(1)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(report.Stopped);
        Assert.Empty(report.NotAnswering);
    }

    [Fact]
    public async Task An_actor_stuck_in_its_handler_is_named_and_not_waited_for_past_the_bound()
    {
        using var release = new ManualResetEventSlim();
        using var entered = new ManualResetEventSlim();
        var stuck = Sys.ActorOf(Props.Create(() => new Blocking(entered, release)), "stuck");
        stuck.Tell("block");
        Assert.True(entered.Wait(TimeSpan.FromSeconds(30)));

        var terminating = Sys.TerminateWithin(TimeSpan.FromSeconds(5));
        // Scheduler time: the bound, then the snapshot's own limit, pass as the clock is moved.
        Assert.True(WaitUntil(() =>
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            return terminating.IsCompleted;
        }, TimeSpan.FromSeconds(30)));
        release.Set();
        var report = await terminating;

        Assert.False(report.Stopped);
        Assert.Equal(["/user/stuck"], report.NotAnswering.Select(a => a.Path));
    }

    private sealed class Idle : ReceiveActor
    {
        public Idle() => ReceiveAny(_ => { });
    }

    private sealed class Blocking : ReceiveActor
    {
        public Blocking(ManualResetEventSlim entered, ManualResetEventSlim release) => Receive<string>(_ =>
        {
            entered.Set();
            release.Wait(TimeSpan.FromSeconds(60));
        });
    }
}
