using Miner.Actors.Storage;
namespace Miner.Actors.Persistence;

/// <summary>A write hit a sequence number that is already stored: two writers share one persistence id.</summary>
public sealed class DuplicateSequenceNumberException(string persistenceId, long fromSequenceNr, long toSequenceNr, Exception? inner = null)
    : Exception($"persistence id '{persistenceId}': a sequence number in {fromSequenceNr}..{toSequenceNr} is already stored " +
                "(two writers for one persistence id?); nothing of the batch was written", inner)
{
    public string PersistenceId { get; } = persistenceId;
}
