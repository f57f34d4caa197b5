using Miner.Actors.Storage;
namespace Miner.Actors.Persistence;

/// <summary>Recovery of a persistent actor failed at one stored event or snapshot; the actor is stopped.</summary>
public sealed class PersistenceRecoveryException(string persistenceId, long sequenceNr, string? manifest, string reason, Exception? inner = null)
    : Exception($"recovery of persistence id '{persistenceId}' failed at sequence number {sequenceNr}" +
                (manifest is null ? "" : $" (manifest '{manifest}')") + $": {reason}", inner)
{
    public string PersistenceId { get; } = persistenceId;
    public long SequenceNr { get; } = sequenceNr;
    public string? Manifest { get; } = manifest;
}
