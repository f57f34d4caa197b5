using Microsoft.Data.Sqlite;

namespace Miner.Specs.Storage;

/// <summary>
/// A temp folder with a private copy of <c>Fixtures/legacy-journal.db</c>, an old-layout journal written once by the
/// miner's journal code of that layout (by a throwaway program, not kept): 'scorekeeper' #1 pull, #2 cooldown until
/// 2030-01-01, #3 manual ban of validator 5HGj…, snapshot at #3, #4 pull, #5 declined answer with cooldown until
/// 2030-06-01; 'task-ledger' #1 task-a pulled, #2 submitted, #3 settled, #4 task-b pulled (in flight).
/// </summary>
public sealed class LegacyJournalFixture : IDisposable
{
    public const string Cooled = "5F3sa2TJAWMqDhXG6jhV4N8ko9SxwGy8TpaNS1repo5EYjQX";
    public const string Banned = "5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw";

    public LegacyJournalFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), "miner-migrate-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Path.Combine(Folder, "data"));
        Legacy = Path.Combine(Folder, "data", "miner.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", "legacy-journal.db"), Legacy);
        Target = Path.Combine(Folder, "data", "journal.db");
    }

    public string Folder { get; }
    public string Legacy { get; }
    public string Target { get; }

    /// <summary>Runs SQL on the legacy copy (to damage or trim it for one spec).</summary>
    public void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Legacy};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The files in data/ besides the legacy copy: a failed migration must leave none.</summary>
    public IReadOnlyList<string> Leftovers() =>
        Directory.GetFiles(Path.Combine(Folder, "data")).Select(Path.GetFileName).Where(n => !n!.StartsWith("miner.db", StringComparison.Ordinal)).ToList()!;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans the temp folder
        }
    }
}
