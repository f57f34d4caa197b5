using Miner.Actors.Kernel;
using Miner.Actors.Persistence;
using Miner.Actors.Storage;

namespace Miner.Specs.Persistence;

/// <summary>A persistent list of items for the specs: it reports what it replays, persists and fails to <c>reporter</c>.</summary>
public sealed class LedgerActor : PersistentActor
{
    public const string RecordedManifest = "spec.item-recorded.v1";
    public const string SnapshotManifest = "spec.ledger-snapshot.v1";

    private readonly IActorRef _reporter;
    private readonly bool _autoSnapshot;
    private readonly List<string> _items = new();

    public LedgerActor(string persistenceId, IActorRef reporter, bool autoSnapshot = false, PersistenceStores? stores = null) : base(stores)
    {
        PersistenceId = persistenceId;
        _reporter = reporter;
        _autoSnapshot = autoSnapshot;
        Manifest<ItemRecorded>(RecordedManifest);
        Manifest<LedgerSnapshot>(SnapshotManifest);

        Recover<ItemRecorded>(e =>
        {
            _items.Add(e.Item);
            _reporter.Tell(new Replayed(e, Sender));
        });
        Recover<SnapshotOffer>(offer =>
        {
            _items.Clear();
            _items.AddRange(((LedgerSnapshot)offer.Snapshot).Items);
            _reporter.Tell(new Replayed(offer, Sender));
        });
        Recover<RecoveryCompleted>(done => _reporter.Tell(new Replayed(done, Sender)));

        Receive<Record>(c =>
        {
            _reporter.Tell(new CommandSeen(c, IsRecovering));
            Persist(new ItemRecorded(c.Item), Apply);
        });
        Receive<RecordTwice>(c =>
        {
            Persist(new ItemRecorded(c.First), Apply);
            Persist(new ItemRecorded(c.Second), Apply);
        });
        Receive<RecordAll>(c => PersistAll(c.Items.Select(i => new ItemRecorded(i)), Apply));
        Receive<RecordAsync>(c =>
        {
            _reporter.Tell(new CommandSeen(c, IsRecovering));
            PersistAsync(new ItemRecorded(c.Item), Apply);
        });
        Receive<RecordThenDefer>(c =>
        {
            Persist(new ItemRecorded(c.Item), Apply);
            DeferAsync(new Deferred(c.Item), d => Sender.Tell(d));
        });
        Receive<DeferOnly>(c => DeferAsync(new Deferred(c.Item), d => Sender.Tell(d)));
        Receive<RecordUnserialisable>(_ => Persist(new NotRegistered("x"), e => _items.Add(e.Item)));
        Receive<PersistFromAnotherThread>(_ =>
        {
            var self = Self;
            Task.Run(() =>
            {
                try
                {
                    Persist(new ItemRecorded("from-elsewhere"), Apply);
                    _reporter.Tell(new ThreadCheck(null));
                }
                catch (Exception error)
                {
                    _reporter.Tell(new ThreadCheck(error));
                }
            });
        });
        Receive<TakeSnapshot>(_ => SaveSnapshot(new LedgerSnapshot(_items.ToArray())));
        Receive<DeleteUpTo>(c => DeleteMessages(c.SequenceNr));
        Receive<DeleteSnapshotsUpTo>(c => DeleteSnapshots(SnapshotSelectionCriteria.UpTo(c.SequenceNr)));
        Receive<RecordThenFail>(c =>
        {
            Persist(new ItemRecorded(c.Item), Apply);
            throw new InvalidOperationException("failed after Persist");
        });
        Receive<Fail>(c => throw new InvalidOperationException(c.Why));
        Receive<GetItems>(_ => Sender.Tell(new Items(_items.ToArray(), LastSequenceNr)));
        Receive<SaveSnapshotSuccess>(m => _reporter.Tell(m));
        Receive<SaveSnapshotFailure>(m => _reporter.Tell(m));
        Receive<DeleteMessagesSuccess>(m => _reporter.Tell(m));
        Receive<DeleteMessagesFailure>(m => _reporter.Tell(m));
        Receive<DeleteSnapshotsSuccess>(m => _reporter.Tell(m));
        Receive<DeleteSnapshotsFailure>(m => _reporter.Tell(m));
    }

    public override string PersistenceId { get; }

    public static Props Props(string persistenceId, IActorRef reporter, bool autoSnapshot = false, PersistenceStores? stores = null) =>
        Miner.Actors.Kernel.Props.Create(() => new LedgerActor(persistenceId, reporter, autoSnapshot, stores));

    protected override object? SnapshotState() => _autoSnapshot ? new LedgerSnapshot(_items.ToArray()) : null;

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr) =>
        _reporter.Tell(new PersistFailed(@event, sequenceNr, cause));

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr) =>
        _reporter.Tell(new PersistRejected(@event, sequenceNr, cause));

    protected override void OnRecoveryFailure(Exception cause) => _reporter.Tell(new RecoveryFailed(cause));

    private void Apply(ItemRecorded e)
    {
        _items.Add(e.Item);
        Sender.Tell(new Ack(e.Item, LastSequenceNr));
    }
}
