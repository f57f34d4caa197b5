namespace Miner.Specs.Persistence;

/// <summary>A database path (<c>data/miner.db</c>) in a fresh temp folder, deleted with its -wal and -shm files on dispose.</summary>
public sealed class TempSqliteFile : IDisposable
{
    public TempSqliteFile()
    {
        Folder = Path.Combine(Path.GetTempPath(), "miner-sqlite-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Folder);
        DatabasePath = Path.Combine(Folder, "data", "miner.db");
    }

    public string Folder { get; }
    public string DatabasePath { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a handle a spec deliberately leaked (a "killed" journal); the OS cleans the temp folder
        }
    }
}
