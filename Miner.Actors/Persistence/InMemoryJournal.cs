using Miner.Actors.Storage;
namespace Miner.Actors.Persistence;

/// <summary>A journal held in memory (specs and throwaway runs); same rules as the SQL journals, lost with the process.</summary>
public sealed class InMemoryJournal : IEventJournal
{
    private readonly object _gate = new();
    private readonly Dictionary<string, SortedDictionary<long, JournalEntry>> _streams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _highest = new(StringComparer.Ordinal);

    public Task AppendAsync(IReadOnlyList<JournalEntry> batch, CancellationToken cancellation = default)
    {
        JournalBatch.Validate(batch);
        if (batch.Count == 0) return Task.CompletedTask;
        var id = batch[0].PersistenceId;
        lock (_gate)
        {
            var stream = Stream(id);
            if (batch.Any(e => stream.ContainsKey(e.SequenceNr)))
                throw new DuplicateSequenceNumberException(id, batch[0].SequenceNr, batch[^1].SequenceNr);
            foreach (var entry in batch) stream[entry.SequenceNr] = entry;
            _highest[id] = Math.Max(_highest.GetValueOrDefault(id), batch[^1].SequenceNr);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<JournalEntry>> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, int max,
        CancellationToken cancellation = default)
    {
        lock (_gate)
        {
            IReadOnlyList<JournalEntry> found = Stream(persistenceId).Values
                .Where(e => e.SequenceNr >= fromSequenceNr && e.SequenceNr <= toSequenceNr)
                .Take(Math.Max(0, max))
                .ToArray();
            return Task.FromResult(found);
        }
    }

    public Task<long> HighestSequenceNrAsync(string persistenceId, CancellationToken cancellation = default)
    {
        lock (_gate) return Task.FromResult(_highest.GetValueOrDefault(persistenceId));
    }

    public Task DeleteUpToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellation = default)
    {
        lock (_gate)
        {
            var stream = Stream(persistenceId);
            foreach (var sequenceNr in stream.Keys.Where(n => n <= toSequenceNr).ToArray()) stream.Remove(sequenceNr);
        }
        return Task.CompletedTask;
    }

    private SortedDictionary<long, JournalEntry> Stream(string persistenceId)
    {
        if (!_streams.TryGetValue(persistenceId, out var stream)) _streams[persistenceId] = stream = new SortedDictionary<long, JournalEntry>();
        return stream;
    }
}
