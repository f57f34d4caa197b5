using Miner.Actors.Storage;
namespace Miner.Actors.Persistence;

/// <summary>
/// One stored event: its place in the persistence id's stream, the stable manifest naming its type (not the CLR
/// name, so journals survive refactors) and its JSON payload.
/// </summary>
public sealed record JournalEntry(string PersistenceId, long SequenceNr, string Manifest, string Payload, DateTimeOffset Timestamp);
