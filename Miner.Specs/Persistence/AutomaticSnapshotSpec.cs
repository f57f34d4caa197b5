using Miner.Actors.Persistence;
using Miner.Actors.Storage;

namespace Miner.Specs.Persistence;

/// <summary>snapshot-every: an actor that offers its state is snapshotted every N events.</summary>
public sealed class AutomaticSnapshotSpec() : PersistenceSpec(snapshotEvery: 3)
{
    [Fact]
    public void A_snapshot_is_taken_once_every_N_events()
    {
        var ledger = StartLedger(autoSnapshot: true);
        TestActor.Send(ledger, new RecordAll(["a", "b"]));
        TestActor.ReceiveN(2);
        Reports.ExpectNoMsg();
        TestActor.Send(ledger, new Record("c"));
        TestActor.ExpectMsg<Ack>();
        Assert.Equal(3, Reports.FishForMessage<SaveSnapshotSuccess>(_ => true).Metadata.SequenceNr);
        TestActor.Send(ledger, new RecordAll(["d", "e"]));
        TestActor.ReceiveN(2);
        Reports.ExpectNoMsg();
    }

    [Fact]
    public void An_actor_that_offers_no_state_is_never_snapshotted()
    {
        var ledger = StartLedger(autoSnapshot: false);
        TestActor.Send(ledger, new RecordAll(["a", "b", "c", "d"]));
        TestActor.ReceiveN(4);
        Assert.Equal(0, Snapshots.Saves.Calls);
    }
}
