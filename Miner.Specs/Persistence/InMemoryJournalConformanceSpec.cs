using Miner.Actors.Persistence;
using Miner.Actors.Storage;

namespace Miner.Specs.Persistence;

/// <summary>The journal conformance suite against <see cref="InMemoryJournal"/>.</summary>
public sealed class InMemoryJournalConformanceSpec : JournalConformanceSpec
{
    protected override Task<IEventJournal> OpenAsync() => Task.FromResult<IEventJournal>(new InMemoryJournal());
}
