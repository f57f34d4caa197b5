using Akka.Actor;
using Akka.Persistence;

namespace Miner.Specs.Storage;

/// <summary>
/// A spec-local persistent actor on Akka.Persistence.Sql: records the snapshot offered and the events replayed
/// (deserialised by MinerJsonSerializer), answers <see cref="Report"/> with them, and persists one event on
/// <see cref="PersistOne"/>, answering the sequence number it got.
/// </summary>
public sealed class RecoveryProbe : ReceivePersistentActor
{
    public sealed record Report;

    public sealed record PersistOne(object Event);

    public sealed record Recovered(object? Snapshot, long SnapshotSequenceNr, IReadOnlyList<(long SequenceNr, object Event)> Events, long LastSequenceNr);

    private readonly List<(long, object)> _events = [];
    private object? _snapshot;
    private long _snapshotSequenceNr;

    public RecoveryProbe(string persistenceId)
    {
        PersistenceId = persistenceId;
        Recover<SnapshotOffer>(offer => (_snapshot, _snapshotSequenceNr) = (offer.Snapshot, offer.Metadata.SequenceNr));
        Recover<RecoveryCompleted>(_ => { });
        Recover<object>(evt => _events.Add((LastSequenceNr, evt)));
        Command<Report>(_ => Sender.Tell(new Recovered(_snapshot, _snapshotSequenceNr, _events.ToList(), LastSequenceNr)));
        Command<PersistOne>(m =>
        {
            var sender = Sender;
            Persist(m.Event, _ => sender.Tell(LastSequenceNr));
        });
    }

    public override string PersistenceId { get; }

    public static Props Props(string persistenceId) => global::Akka.Actor.Props.Create(() => new RecoveryProbe(persistenceId));
}
