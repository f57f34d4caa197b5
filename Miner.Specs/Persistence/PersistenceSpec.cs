using Miner.Actors.Kernel;
using Miner.Actors.Persistence;
using Miner.Actors.Storage;
using Miner.Specs.TestKit;

namespace Miner.Specs.Persistence;

/// <summary>Base of persistent-actor specs: a fault-injecting journal and snapshot store registered on the system.</summary>
public abstract class PersistenceSpec : ActorSpec
{
    protected PersistenceSpec(int snapshotEvery = 0, ActorSystemSettings? settings = null) : base(settings)
    {
        Stores = new PersistenceStores(Journal, Snapshots, snapshotEvery);
        PersistenceExtension.Register(Sys, Stores);
        Reports = CreateTestProbe("reports");
    }

    protected TestJournal Journal { get; } = new();
    protected TestSnapshotStore Snapshots { get; } = new();
    protected PersistenceStores Stores { get; }

    /// <summary>Receives what the ledger replays, persists and fails.</summary>
    protected TestProbe Reports { get; }

    /// <summary>Starts a ledger and waits for its recovery to finish.</summary>
    protected IActorRef StartLedger(string id = "ledger", string? name = null, bool autoSnapshot = false)
    {
        var ledger = Sys.ActorOf(LedgerActor.Props(id, Reports.Ref, autoSnapshot), name ?? id);
        ExpectRecoveryCompleted();
        return ledger;
    }

    protected RecoveryCompleted ExpectRecoveryCompleted() =>
        (RecoveryCompleted)Reports.FishForMessage<Replayed>(r => r.Message is RecoveryCompleted).Message;

    protected void Seed(string id, params string[] items)
    {
        var entries = items.Select((item, i) => new JournalEntry(id, i + 1, LedgerActor.RecordedManifest,
            $$"""{"item":"{{item}}"}""", DateTimeOffset.UnixEpoch)).ToArray();
        Journal.Inner.AppendAsync(entries).GetAwaiter().GetResult();
    }

    protected void Store(params JournalEntry[] entries) => Journal.Inner.AppendAsync(entries).GetAwaiter().GetResult();

    protected void StoreSnapshot(SnapshotEntry snapshot) => Snapshots.Inner.SaveAsync(snapshot).GetAwaiter().GetResult();

    protected SnapshotEntry? LatestSnapshot(string id) => Snapshots.Inner.LoadAsync(id, SnapshotSelectionCriteria.Latest).GetAwaiter().GetResult();

    protected Items ItemsOf(IActorRef ledger)
    {
        var asker = CreateTestProbe();
        asker.Send(ledger, new GetItems());
        return asker.ExpectMsg<Items>();
    }
}
