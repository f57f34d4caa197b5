using Miner.Actors.Kernel;
using Miner.Actors.Persistence;
using Miner.Actors.Storage;

namespace Miner.Specs.Persistence;

/// <summary>A persistent actor restarted while its write is under way (here by Kill, restarted by the guardian).</summary>
public sealed class RestartDuringWriteSpec() : PersistenceSpec(settings: new ActorSystemSettings
{
    GuardianStrategy = new OneForOneStrategy(-1, null, new Decider(Directive.Restart)),
})
{
    [Fact]
    public void The_new_incarnation_recovers_after_the_pending_write_settles_and_ignores_its_completion()
    {
        var ledger = StartLedger();
        Journal.Writes.Hold();
        TestActor.Send(ledger, new Record("a"));
        Reports.ExpectMsg<CommandSeen>();
        ledger.Tell(Kill.Instance);
        Drain();
        Reports.ExpectNoMsg(); // recovery waits for the write the old incarnation started
        Journal.Writes.Release();
        Assert.Equal(new ItemRecorded("a"), Reports.ExpectMsg<Replayed>().Message);
        Assert.Equal(new RecoveryCompleted(1), Reports.ExpectMsg<Replayed>().Message);
        TestActor.ExpectNoMsg(); // the old incarnation's handler never runs in the new one
        TestActor.Send(ledger, new Record("b"));
        TestActor.ExpectMsg(new Ack("b", 2));
    }

    [Fact]
    public void An_actor_created_again_after_a_stop_also_waits_for_the_write_of_its_predecessor()
    {
        var ledger = StartLedger(name: "first");
        Journal.Writes.Hold();
        TestActor.Send(ledger, new Record("a"));
        Reports.ExpectMsg<CommandSeen>();
        TestActor.Watch(ledger);
        Sys.Stop(ledger);
        TestActor.ExpectTerminated(ledger);
        var again = Sys.ActorOf(LedgerActor.Props("ledger", Reports.Ref), "second");
        Reports.ExpectNoMsg();
        Journal.Writes.Release();
        Assert.Equal(new ItemRecorded("a"), Reports.ExpectMsg<Replayed>().Message);
        Assert.Equal(new RecoveryCompleted(1), Reports.ExpectMsg<Replayed>().Message);
        TestActor.Send(again, new Record("b"));
        TestActor.ExpectMsg(new Ack("b", 2));
    }
}
