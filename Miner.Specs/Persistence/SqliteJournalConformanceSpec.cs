using Miner.Actors.Persistence;
using Miner.Actors.Storage;

namespace Miner.Specs.Persistence;

/// <summary>The journal conformance suite against <see cref="SqliteJournal"/> on a temp file.</summary>
public sealed class SqliteJournalConformanceSpec : JournalConformanceSpec
{
    private readonly TempSqliteFile _file = new();

    protected override Task<IEventJournal> OpenAsync() => Task.FromResult<IEventJournal>(SqliteJournal.Open(_file.DatabasePath));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _file.Dispose();
    }
}
