using Miner.Actors.Kernel;
using Miner.Specs.TestKit;

namespace Miner.Specs.Kernel;

/// <summary>The snapshot with real threads: an actor stuck in a long handler is reported, not waited for.</summary>
public sealed class IntrospectionUnderLoadSpec() : ActorSpec(realThreads: true)
{
    [Fact]
    public async Task An_actor_stuck_in_a_long_handler_is_reported_unresponsive_with_its_last_figures()
    {
        using var release = new ManualResetEventSlim();
        var entered = new ManualResetEventSlim();
        var stuck = Sys.ActorOf(Props.Create(() => new Blocking(entered, release)), "stuck");
        stuck.Tell("block");
        Assert.True(entered.Wait(TimeSpan.FromSeconds(30))); // returns at once unless the thread pool is starved by a loaded machine
        var snapshot = Sys.SnapshotAsync(TimeSpan.FromSeconds(1));
        Clock.Advance(TimeSpan.FromSeconds(1));
        var rows = await snapshot;
        release.Set();
        var row = rows.Find("/user/stuck")!;
        Assert.Equal(ActorState.Unresponsive, row.State);
        Assert.Equal("Blocking", row.ActorType);
    }

    private sealed class Blocking : ReceiveActor
    {
        public Blocking(ManualResetEventSlim entered, ManualResetEventSlim release) => Receive<string>(_ =>
        {
            entered.Set();
            release.Wait(TimeSpan.FromSeconds(10));
        });
    }
}
