using Miner.Actors.Kernel;
using Miner.Actors.Persistence;
using Miner.Actors.Storage;
using Miner.Specs.TestKit;

namespace Miner.Specs.Persistence;

/// <summary>In-memory stores answer on the actor's own thread: a run without persistence needs no real time.</summary>
public sealed class InlineStoresSpec : ActorSpec
{
    [Fact]
    public void Only_the_in_memory_stores_answer_inline()
    {
        Assert.True(PersistenceStores.InMemory().AnswersInline);
        Assert.False(new PersistenceStores(new TestJournal(), new InMemorySnapshotStore()).AnswersInline);
    }

    [Fact]
    public void With_in_memory_stores_recovery_and_writes_complete_by_draining_alone()
    {
        var reports = CreateTestProbe("reports");
        var ledger = Sys.ActorOf(Props.Create(() => new LedgerActor("inline", reports.Ref, false, PersistenceStores.InMemory())), "ledger");
        TestActor.Send(ledger, new Record("a"));
        Dispatcher!.RunUntilIdle(); // no thread-pool round trip: everything is in the mailboxes already
        Assert.True(TestActor.Pending > 0, "the write was not acknowledged by draining alone");
    }
}
