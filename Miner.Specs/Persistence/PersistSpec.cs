using Miner.Actors.Kernel;
using Miner.Actors.Persistence;
using Miner.Actors.Storage;

namespace Miner.Specs.Persistence;

/// <summary>Checklist row 32: Persist, PersistAll, PersistAsync and DeferAsync.</summary>
public sealed class PersistSpec : PersistenceSpec
{
    [Fact]
    public void A_persisted_event_is_in_the_journal_before_its_handler_acknowledges()
    {
        var ledger = StartLedger();
        TestActor.Send(ledger, new Record("a"));
        TestActor.ExpectMsg(new Ack("a", 1));
        var stored = Assert.Single(Journal.Events("ledger"));
        Assert.Equal((1L, LedgerActor.RecordedManifest), (stored.SequenceNr, stored.Manifest));
    }

    [Fact]
    public void No_command_is_handled_between_Persist_and_its_handler()
    {
        var ledger = StartLedger();
        Journal.Writes.Hold();
        TestActor.Send(ledger, new Record("a"));
        TestActor.Send(ledger, new Record("b"));
        Reports.ExpectMsg<CommandSeen>(c => c.Command.Equals(new Record("a")));
        Reports.ExpectNoMsg(); // "b" waits in the internal stash while "a" is written
        Journal.Writes.Release();
        TestActor.ExpectMsg(new Ack("a", 1));
        Reports.ExpectMsg<CommandSeen>(c => c.Command.Equals(new Record("b")));
        TestActor.ExpectMsg(new Ack("b", 2));
    }

    [Fact]
    public void Several_persists_in_one_command_run_their_handlers_in_call_order()
    {
        var ledger = StartLedger();
        TestActor.Send(ledger, new RecordTwice("first", "second"));
        TestActor.ExpectMsg(new Ack("first", 1));
        TestActor.ExpectMsg(new Ack("second", 2));
    }

    [Fact]
    public void The_persist_handler_sees_the_original_sender()
    {
        var ledger = StartLedger();
        var client = CreateTestProbe("client");
        Journal.Writes.Hold();
        client.Send(ledger, new Record("a"));
        TestActor.Send(ledger, new GetItems()); // another sender arrives while the write is pending
        Journal.Writes.Release();
        client.ExpectMsg(new Ack("a", 1));
        TestActor.ExpectMsg<Items>();
    }

    [Fact]
    public void PersistAll_writes_its_events_as_one_atomic_batch()
    {
        var ledger = StartLedger();
        Journal.Writes.Fail(times: 1);
        TestActor.Send(ledger, new RecordAll(["a", "b", "c"]));
        Reports.ExpectMsg<PersistFailed>(f => f.SequenceNr == 1);
        Assert.Empty(Journal.Events("ledger"));
        Assert.Equal(1, Journal.Writes.Calls);
    }

    [Fact]
    public void PersistAll_acknowledges_each_event_in_order()
    {
        var ledger = StartLedger();
        TestActor.Send(ledger, new RecordAll(["a", "b", "c"]));
        Assert.Equal([new Ack("a", 1), new Ack("b", 2), new Ack("c", 3)], TestActor.ReceiveN(3));
    }

    [Fact]
    public void PersistAsync_keeps_handling_commands_while_its_write_is_pending()
    {
        var ledger = StartLedger();
        Journal.Writes.Hold();
        TestActor.Send(ledger, new RecordAsync("a"));
        TestActor.Send(ledger, new RecordAsync("b"));
        Reports.ExpectMsg<CommandSeen>(c => c.Command.Equals(new RecordAsync("a")));
        Reports.ExpectMsg<CommandSeen>(c => c.Command.Equals(new RecordAsync("b")));
        TestActor.ExpectNoMsg();
        Journal.Writes.Release();
        TestActor.ExpectMsg(new Ack("a", 1));
        TestActor.ExpectMsg(new Ack("b", 2));
    }

    [Fact]
    public void DeferAsync_runs_after_the_preceding_persist_without_storing_anything()
    {
        var ledger = StartLedger();
        Journal.Writes.Hold();
        TestActor.Send(ledger, new RecordThenDefer("a"));
        TestActor.ExpectNoMsg();
        Journal.Writes.Release();
        TestActor.ExpectMsg(new Ack("a", 1));
        TestActor.ExpectMsg(new Deferred("a"));
        Assert.Single(Journal.Events("ledger"));
    }

    [Fact]
    public void DeferAsync_with_nothing_pending_runs_at_once()
    {
        var ledger = StartLedger();
        TestActor.Send(ledger, new DeferOnly("x"));
        TestActor.ExpectMsg(new Deferred("x"));
        Assert.Equal(0, Journal.Writes.Calls);
    }

    [Fact]
    public void Persist_from_another_thread_is_refused()
    {
        var ledger = StartLedger();
        TestActor.Send(ledger, new PersistFromAnotherThread());
        var check = Reports.FishForMessage<ThreadCheck>(_ => true);
        Assert.IsType<IllegalActorStateException>(check.Error);
        Assert.Contains("another thread", check.Error!.Message);
    }

    [Fact]
    public void Sequence_numbers_continue_after_the_recovered_ones()
    {
        Seed("ledger", "a", "b");
        var ledger = StartLedger();
        TestActor.Send(ledger, new Record("c"));
        TestActor.ExpectMsg(new Ack("c", 3));
    }

    [Fact]
    public void Events_carry_the_system_clock_as_their_timestamp()
    {
        Advance(TimeSpan.FromHours(1));
        var ledger = StartLedger();
        TestActor.Send(ledger, new Record("a"));
        TestActor.ExpectMsg<Ack>();
        Assert.Equal(Clock.UtcNow, Journal.Events("ledger")[0].Timestamp);
    }
}
