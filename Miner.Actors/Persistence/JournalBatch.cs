using Miner.Actors.Storage;
namespace Miner.Actors.Persistence;

/// <summary>The rule every journal enforces on a batch before writing: one persistence id, consecutive sequence numbers.</summary>
internal static class JournalBatch
{
    public static void Validate(IReadOnlyList<JournalEntry> batch)
    {
        if (batch.Count == 0) return;
        var first = batch[0];
        if (string.IsNullOrEmpty(first.PersistenceId)) throw new ArgumentException("an event has no persistence id");
        if (first.SequenceNr < 1) throw new ArgumentException($"persistence id '{first.PersistenceId}': sequence numbers start at 1, got {first.SequenceNr}");
        for (var i = 1; i < batch.Count; i++)
        {
            if (batch[i].PersistenceId != first.PersistenceId)
                throw new ArgumentException($"a batch holds one persistence id: '{first.PersistenceId}' and '{batch[i].PersistenceId}'");
            if (batch[i].SequenceNr != first.SequenceNr + i)
                throw new ArgumentException($"persistence id '{first.PersistenceId}': sequence numbers in a batch must be consecutive ({batch[i - 1].SequenceNr} then {batch[i].SequenceNr})");
        }
    }
}
