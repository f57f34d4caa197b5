namespace Miner.Specs.Persistence;

/// <summary>A database path in a fresh temp folder, deleted (with its -wal and -shm files) on dispose.</summary>
public sealed class TempSqliteFile : IDisposable
{
    public TempSqliteFile()
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "miner-sqlite-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Folder);
        Path_ = System.IO.Path.Combine(Folder, "data", "miner.db");
    }

    public string Folder { get; }

    // "Path" would hide System.IO.Path inside this class.
    private string Path_ { get; }

    public string DatabasePath => Path_;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a handle the spec deliberately leaked; the temp folder is cleaned by the OS
        }
    }
}
