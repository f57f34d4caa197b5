using Miner.Actors.Kernel;
using Miner.Actors.Persistence;
using Miner.Actors.Storage;

namespace Miner.Specs.Persistence;

/// <summary>Checklist row 33: recovery on start and restart, the stash meanwhile, snapshots, RecoveryCompleted.</summary>
public sealed class RecoverySpec : PersistenceSpec
{
    [Fact]
    public void Recovery_replays_the_stored_events_in_order_on_start()
    {
        Seed("ledger", "a", "b", "c");
        var ledger = Sys.ActorOf(LedgerActor.Props("ledger", Reports.Ref), "ledger");
        var replayed = Enumerable.Range(0, 4).Select(_ => Reports.ExpectMsg<Replayed>().Message).ToArray();
        Assert.Equal([new ItemRecorded("a"), new ItemRecorded("b"), new ItemRecorded("c"), new RecoveryCompleted(3)], replayed);
        Assert.Equal(["a", "b", "c"], ItemsOf(ledger).All);
    }

    [Fact]
    public void Replayed_events_have_dead_letters_as_sender()
    {
        Seed("ledger", "a");
        Sys.ActorOf(LedgerActor.Props("ledger", Reports.Ref), "ledger");
        Assert.Equal(Sys.DeadLetters, Reports.ExpectMsg<Replayed>().Sender);
    }

    [Fact]
    public void RecoveryCompleted_arrives_for_an_empty_journal()
    {
        Sys.ActorOf(LedgerActor.Props("ledger", Reports.Ref), "ledger");
        Assert.Equal(new RecoveryCompleted(0), Reports.ExpectMsg<Replayed>().Message);
    }

    [Fact]
    public void Commands_sent_during_recovery_wait_until_RecoveryCompleted()
    {
        Seed("ledger", "a");
        Journal.Recovery.Hold();
        var ledger = Sys.ActorOf(LedgerActor.Props("ledger", Reports.Ref), "ledger");
        TestActor.Send(ledger, new Record("b"));
        Reports.ExpectNoMsg();
        Journal.Recovery.Release();
        Assert.IsType<ItemRecorded>(Reports.ExpectMsg<Replayed>().Message);
        Assert.IsType<RecoveryCompleted>(Reports.ExpectMsg<Replayed>().Message);
        Assert.Equal(new CommandSeen(new Record("b"), Recovering: false), Reports.ExpectMsg<CommandSeen>());
        TestActor.ExpectMsg(new Ack("b", 2));
    }

    [Fact]
    public void Recovery_runs_again_on_restart_and_rebuilds_the_state_from_the_journal()
    {
        var ledger = StartLedger();
        TestActor.Send(ledger, new Record("a"));
        TestActor.ExpectMsg<Ack>();
        TestActor.Send(ledger, new Fail("boom"));
        Assert.Equal(new ItemRecorded("a"), Reports.FishForMessage<Replayed>(_ => true).Message);
        Assert.Equal(new RecoveryCompleted(1), Reports.ExpectMsg<Replayed>().Message);
        Assert.Equal(["a"], ItemsOf(ledger).All);
    }

    [Fact]
    public void A_snapshot_is_offered_first_and_only_newer_events_follow()
    {
        var ledger = StartLedger();
        TestActor.Send(ledger, new RecordAll(["a", "b"]));
        TestActor.ReceiveN(2);
        TestActor.Send(ledger, new TakeSnapshot());
        Reports.ExpectMsg<SaveSnapshotSuccess>();
        TestActor.Send(ledger, new Record("c"));
        TestActor.ExpectMsg<Ack>();
        Reports.ExpectMsg<CommandSeen>();
        Sys.Stop(ledger);
        TestActor.Watch(ledger);
        TestActor.ExpectTerminated(ledger);

        Sys.ActorOf(LedgerActor.Props("ledger", Reports.Ref), "ledger-again");
        var offer = Assert.IsType<SnapshotOffer>(Reports.ExpectMsg<Replayed>().Message);
        Assert.Equal(2, offer.Metadata.SequenceNr);
        Assert.Equal(["a", "b"], ((LedgerSnapshot)offer.Snapshot).Items);
        Assert.Equal(new ItemRecorded("c"), Reports.ExpectMsg<Replayed>().Message);
        Assert.Equal(new RecoveryCompleted(3), Reports.ExpectMsg<Replayed>().Message);
    }

    [Fact]
    public void A_long_journal_is_replayed_completely_across_several_pages()
    {
        var count = PersistentActor.ReplayPageSize * 2 + 17;
        Seed("ledger", Enumerable.Range(1, count).Select(i => "item-" + i).ToArray());
        var ledger = StartLedger();
        var items = ItemsOf(ledger);
        Assert.Equal(count, items.All.Length);
        Assert.Equal(("item-1", "item-" + count, (long)count), (items.All[0], items.All[^1], items.LastSequenceNr));
    }

    [Fact]
    public void Numbering_continues_after_deleted_events()
    {
        var ledger = StartLedger();
        TestActor.Send(ledger, new RecordAll(["a", "b"]));
        TestActor.ReceiveN(2);
        TestActor.Send(ledger, new DeleteUpTo(2));
        Reports.ExpectMsg(new DeleteMessagesSuccess(2));
        TestActor.Send(ledger, new Fail("restart"));
        Assert.Equal(new RecoveryCompleted(2), Reports.FishForMessage<Replayed>(r => r.Message is RecoveryCompleted).Message);
        TestActor.Send(ledger, new Record("c"));
        TestActor.ExpectMsg(new Ack("c", 3));
    }

    [Fact]
    public async Task Stores_passed_to_the_constructor_win_over_the_registered_ones()
    {
        var own = PersistenceStores.InMemory();
        await own.Journal.AppendAsync([new JournalEntry("ledger", 1, LedgerActor.RecordedManifest, """{"item":"own"}""", DateTimeOffset.UnixEpoch)]);
        Sys.ActorOf(LedgerActor.Props("ledger", Reports.Ref, stores: own), "ledger");
        Assert.Equal(new ItemRecorded("own"), Reports.ExpectMsg<Replayed>().Message);
    }
}
