using Miner.Actors.Persistence;
using Miner.Actors.Storage;

namespace Miner.Specs.TestKit;

/// <summary>A journal (in memory unless another is wrapped) whose writes, recovery reads and deletes fail, are
/// rejected or wait on demand (Akka's persistence TestKit, checklist row 38).</summary>
public sealed class TestJournal(IEventJournal? inner = null) : IEventJournal
{
    public IEventJournal Inner { get; } = inner ?? new InMemoryJournal();
    public FaultSwitch Writes { get; } = new("journal write");
    public FaultSwitch Recovery { get; } = new("journal recovery");
    public FaultSwitch Deletes { get; } = new("journal delete");

    public async Task AppendAsync(IReadOnlyList<JournalEntry> batch, CancellationToken cancellation = default)
    {
        await Writes.Apply().ConfigureAwait(false);
        await Inner.AppendAsync(batch, cancellation).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<JournalEntry>> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, int max,
        CancellationToken cancellation = default)
    {
        await Recovery.Apply().ConfigureAwait(false);
        return await Inner.ReplayAsync(persistenceId, fromSequenceNr, toSequenceNr, max, cancellation).ConfigureAwait(false);
    }

    public async Task<long> HighestSequenceNrAsync(string persistenceId, CancellationToken cancellation = default)
    {
        await Recovery.Apply().ConfigureAwait(false);
        return await Inner.HighestSequenceNrAsync(persistenceId, cancellation).ConfigureAwait(false);
    }

    public async Task DeleteUpToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellation = default)
    {
        await Deletes.Apply().ConfigureAwait(false);
        await Inner.DeleteUpToAsync(persistenceId, toSequenceNr, cancellation).ConfigureAwait(false);
    }

    /// <summary>Every stored event of <paramref name="persistenceId"/> (bypasses the fault switches).</summary>
    public IReadOnlyList<JournalEntry> Events(string persistenceId) =>
        Inner.ReplayAsync(persistenceId, 1, long.MaxValue, int.MaxValue).GetAwaiter().GetResult();
}
