using Miner.Actors.Storage;
namespace Miner.Actors.Persistence;

/// <summary>One stored snapshot: the state of a persistent actor after event <see cref="SequenceNr"/>.</summary>
public sealed record SnapshotEntry(string PersistenceId, long SequenceNr, DateTimeOffset Timestamp, string Manifest, string Payload);
