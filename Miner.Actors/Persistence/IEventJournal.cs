using Miner.Actors.Storage;
namespace Miner.Actors.Persistence;

/// <summary>
/// An append-only event log per persistence id. Implementations: <see cref="SqliteJournal"/> (one file),
/// <see cref="PostgresJournal"/> (cluster mode) and <see cref="InMemoryJournal"/> (specs).
/// </summary>
public interface IEventJournal
{
    /// <summary>
    /// Writes <paramref name="batch"/> atomically: all of it or none. Every entry has the same persistence id and
    /// the sequence numbers are consecutive. A sequence number that already exists fails the whole batch with
    /// <see cref="DuplicateSequenceNumberException"/>; a batch the journal refuses without trying (too large,
    /// malformed) throws <see cref="JournalRejectedException"/>; anything else means the outcome is unknown.
    /// </summary>
    Task AppendAsync(IReadOnlyList<JournalEntry> batch, CancellationToken cancellation = default);

    /// <summary>Up to <paramref name="max"/> events with sequence numbers in [from, to], in order.</summary>
    Task<IReadOnlyList<JournalEntry>> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, int max,
        CancellationToken cancellation = default);

    /// <summary>The highest sequence number ever written for the id, kept even after its events were deleted; 0 if none.</summary>
    Task<long> HighestSequenceNrAsync(string persistenceId, CancellationToken cancellation = default);

    /// <summary>Deletes the events with sequence numbers up to <paramref name="toSequenceNr"/> (inclusive).</summary>
    Task DeleteUpToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellation = default);
}
