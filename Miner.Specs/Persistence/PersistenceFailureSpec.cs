using Miner.Actors.Kernel;
using Miner.Actors.Persistence;
using Miner.Actors.Storage;

namespace Miner.Specs.Persistence;

/// <summary>Checklist rows 34 and 38: persist failure stops, rejection continues, recovery failure stops, snapshot replies.</summary>
public sealed class PersistenceFailureSpec : PersistenceSpec
{
    [Fact]
    public void A_failed_write_calls_OnPersistFailure_and_stops_the_actor()
    {
        var ledger = StartLedger();
        TestActor.Watch(ledger);
        Journal.Writes.Fail();
        TestActor.Send(ledger, new Record("a"));
        var failed = Reports.FishForMessage<PersistFailed>(_ => true);
        Assert.Equal((new ItemRecorded("a"), 1L), (failed.Event, failed.SequenceNr));
        Assert.IsType<IOException>(failed.Cause);
        TestActor.ExpectTerminated(ledger);
    }

    [Fact]
    public void Commands_waiting_on_a_failed_write_become_dead_letters()
    {
        var ledger = StartLedger();
        Journal.Writes.Hold();
        Journal.Writes.Fail();
        TestActor.Send(ledger, new Record("a"));
        TestActor.Send(ledger, new Record("b"));
        Drain();
        var dead = EventFilter.DeadLetters(1, () =>
        {
            Journal.Writes.Release();
            Reports.FishForMessage<PersistFailed>(_ => true);
            TestActor.Watch(ledger);
            TestActor.ExpectTerminated(ledger);
        }, d => d.Message is Record);
        Assert.Equal(new Record("b"), dead[0].Message);
    }

    [Fact]
    public void A_backoff_supervisor_in_OnStop_mode_brings_a_failed_writer_back_with_its_state()
    {
        var ledgerProps = LedgerActor.Props("ledger", Reports.Ref);
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(
            new BackoffOptions(ledgerProps, "ledger", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0) { Mode = BackoffMode.OnStop }), "ledger-backoff");
        ExpectRecoveryCompleted();
        TestActor.Send(supervisor, new Record("a"));
        TestActor.ExpectMsg(new Ack("a", 1));
        Journal.Writes.Fail(times: 1);
        TestActor.Send(supervisor, new Record("lost"));
        Reports.FishForMessage<PersistFailed>(_ => true);
        Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new RecoveryCompleted(1), ExpectRecoveryCompleted());
        TestActor.Send(supervisor, new Record("b"));
        TestActor.ExpectMsg(new Ack("b", 2));
    }

    [Fact]
    public void A_rejected_write_calls_OnPersistRejected_skips_the_handler_and_the_actor_goes_on()
    {
        var ledger = StartLedger();
        Journal.Writes.Reject(times: 1);
        TestActor.Send(ledger, new Record("a"));
        var rejected = Reports.FishForMessage<PersistRejected>(_ => true);
        Assert.Equal(new ItemRecorded("a"), rejected.Event);
        TestActor.ExpectNoMsg();
        TestActor.Send(ledger, new Record("b"));
        TestActor.ExpectMsg<Ack>(a => a.Item == "b");
        Assert.Equal(["b"], ItemsOf(ledger).All);
    }

    [Fact]
    public void An_event_without_a_manifest_is_rejected_without_reaching_the_journal()
    {
        var ledger = StartLedger();
        TestActor.Send(ledger, new RecordUnserialisable());
        var rejected = Reports.FishForMessage<PersistRejected>(_ => true);
        Assert.Contains("NotRegistered has no registered manifest", rejected.Cause.Message);
        Assert.Equal(0, Journal.Writes.Calls);
        TestActor.Send(ledger, new Record("still-alive"));
        TestActor.ExpectMsg<Ack>();
    }

    [Fact]
    public void A_failing_journal_read_fails_recovery_and_stops_the_actor()
    {
        Journal.Recovery.Fail();
        var ledger = Sys.ActorOf(LedgerActor.Props("ledger", Reports.Ref), "ledger");
        TestActor.Watch(ledger);
        var failed = Reports.ExpectMsg<RecoveryFailed>();
        Assert.Contains("recovery of persistence id 'ledger' failed", failed.Cause.Message);
        TestActor.ExpectTerminated(ledger);
    }

    [Fact]
    public void An_unknown_manifest_fails_recovery_naming_the_persistence_id_sequence_number_and_manifest()
    {
        Seed("ledger", "a");
        Store(new JournalEntry("ledger", 2, "spec.renamed-away.v1", "{}", DateTimeOffset.UnixEpoch));
        var ledger = Sys.ActorOf(LedgerActor.Props("ledger", Reports.Ref), "ledger");
        TestActor.Watch(ledger);
        var cause = Assert.IsType<PersistenceRecoveryException>(Reports.FishForMessage<RecoveryFailed>(_ => true).Cause);
        Assert.Equal(("ledger", 2L, "spec.renamed-away.v1"), (cause.PersistenceId, cause.SequenceNr, cause.Manifest));
        Assert.Contains("unknown manifest 'spec.renamed-away.v1'", cause.Message);
        TestActor.ExpectTerminated(ledger);
    }

    [Fact]
    public void A_payload_that_is_not_json_fails_recovery_with_its_position()
    {
        Store(new JournalEntry("ledger", 1, LedgerActor.RecordedManifest, "{\"item\": tru", DateTimeOffset.UnixEpoch));
        Sys.ActorOf(LedgerActor.Props("ledger", Reports.Ref), "ledger");
        var cause = Assert.IsType<PersistenceRecoveryException>(Reports.ExpectMsg<RecoveryFailed>().Cause);
        Assert.Equal(1, cause.SequenceNr);
        Assert.Contains("not valid JSON for ItemRecorded", cause.Message);
    }

    [Fact]
    public void A_failing_snapshot_load_fails_recovery()
    {
        Snapshots.Loads.Fail();
        Sys.ActorOf(LedgerActor.Props("ledger", Reports.Ref), "ledger");
        Assert.Contains("snapshot load", Reports.ExpectMsg<RecoveryFailed>().Cause.Message);
    }

    [Fact]
    public void SaveSnapshot_replies_success_with_the_current_sequence_number()
    {
        var ledger = StartLedger();
        TestActor.Send(ledger, new RecordAll(["a", "b"]));
        TestActor.ReceiveN(2);
        TestActor.Send(ledger, new TakeSnapshot());
        Assert.Equal(2, Reports.ExpectMsg<SaveSnapshotSuccess>().Metadata.SequenceNr);
        Assert.Equal(2, LatestSnapshot("ledger")?.SequenceNr);
    }

    [Fact]
    public void A_failed_snapshot_save_replies_failure_and_the_actor_goes_on()
    {
        var ledger = StartLedger();
        Snapshots.Saves.Fail();
        TestActor.Send(ledger, new TakeSnapshot());
        Assert.IsType<IOException>(Reports.ExpectMsg<SaveSnapshotFailure>().Cause);
        TestActor.Send(ledger, new Record("a"));
        TestActor.ExpectMsg<Ack>();
    }

    [Fact]
    public void A_failed_delete_replies_failure()
    {
        var ledger = StartLedger();
        Journal.Deletes.Fail();
        TestActor.Send(ledger, new DeleteUpTo(5));
        Assert.Equal(5, Reports.ExpectMsg<DeleteMessagesFailure>().ToSequenceNr);
    }

    [Fact]
    public void A_throwing_recovery_handler_is_a_recovery_failure()
    {
        // valid JSON for the snapshot type, but the ledger's handler cannot take a null item list
        StoreSnapshot(new SnapshotEntry("other", 1, DateTimeOffset.UnixEpoch, LedgerActor.SnapshotManifest, """{"items":null}"""));
        var ledger = Sys.ActorOf(LedgerActor.Props("other", Reports.Ref), "other");
        TestActor.Watch(ledger);
        var cause = Reports.ExpectMsg<RecoveryFailed>().Cause;
        Assert.Contains("the recovery handler for SnapshotOffer threw", cause.Message);
        TestActor.ExpectTerminated(ledger);
    }

    [Fact]
    public void A_failed_snapshot_delete_replies_failure_and_a_good_one_success()
    {
        var ledger = StartLedger();
        Snapshots.Deletes.Fail(times: 1);
        TestActor.Send(ledger, new DeleteSnapshotsUpTo(3));
        Assert.IsType<IOException>(Reports.ExpectMsg<DeleteSnapshotsFailure>().Cause);
        TestActor.Send(ledger, new DeleteSnapshotsUpTo(3));
        Assert.Equal(3, Reports.ExpectMsg<DeleteSnapshotsSuccess>().Criteria.MaxSequenceNr);
    }

    [Fact]
    public void A_command_that_throws_after_Persist_writes_nothing()
    {
        var ledger = StartLedger();
        TestActor.Send(ledger, new RecordThenFail("never"));
        ExpectRecoveryCompleted(); // restarted by the default strategy
        Assert.Empty(Journal.Events("ledger"));
        Assert.Equal(0, Journal.Writes.Calls);
        TestActor.Send(ledger, new Record("a"));
        TestActor.ExpectMsg(new Ack("a", 1));
    }
}
