using Microsoft.Data.Sqlite;
using Miner.Actors.Persistence;
using Miner.Actors.Storage;

namespace Miner.Specs.Persistence;

/// <summary>What is particular to the SQLite file: WAL, surviving a kill, refusing unknown schemas and unreadable rows.</summary>
public sealed class SqliteJournalSpec : IDisposable
{
    private readonly TempSqliteFile _file = new();

    public void Dispose() => _file.Dispose();

    private static JournalEntry Event(long nr) =>
        new("p", nr, "spec.item-recorded.v1", $$"""{"item":"item-{{nr}}"}""", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_file.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private string Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_file.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar())!;
    }

    [Fact]
    public void Opening_creates_the_folder_the_schema_and_switches_to_WAL()
    {
        using var journal = SqliteJournal.Open(_file.DatabasePath);
        Assert.True(File.Exists(_file.DatabasePath));
        Assert.Equal("wal", Scalar("PRAGMA journal_mode;"));
        Assert.Equal("1", Scalar("PRAGMA user_version;"));
    }

    [Fact]
    public async Task Events_written_before_a_kill_are_all_there_in_a_copy_of_the_files_taken_while_it_was_open()
    {
        var journal = SqliteJournal.Open(_file.DatabasePath); // deliberately never disposed: the "process" dies
        for (var nr = 1; nr <= 50; nr++) await journal.AppendAsync([Event(nr)]);
        // What is on disk at this instant is what a killed process leaves: the main file plus an uncheckpointed WAL.
        var crashed = Path.Combine(_file.Folder, "crashed");
        Directory.CreateDirectory(crashed);
        foreach (var suffix in new[] { "", "-wal" })
        {
            if (File.Exists(_file.DatabasePath + suffix)) CopyShared(_file.DatabasePath + suffix, Path.Combine(crashed, "miner.db" + suffix));
        }
        using var reopened = SqliteJournal.Open(Path.Combine(crashed, "miner.db"));
        var replayed = await reopened.ReplayAsync("p", 1, long.MaxValue, 1000);
        Assert.Equal(Enumerable.Range(1, 50).Select(n => (long)n), replayed.Select(e => e.SequenceNr));
        Assert.Equal(50, await reopened.HighestSequenceNrAsync("p"));
        GC.KeepAlive(journal);
    }

    [Fact]
    public async Task A_second_journal_opened_while_the_first_was_never_closed_sees_every_event()
    {
        var abandoned = SqliteJournal.Open(_file.DatabasePath);
        await abandoned.AppendAsync([Event(1), Event(2), Event(3)]);
        using var reopened = SqliteJournal.Open(_file.DatabasePath);
        Assert.Equal(3, (await reopened.ReplayAsync("p", 1, long.MaxValue, 100)).Count);
        await reopened.AppendAsync([Event(4)]);
        Assert.Equal(4, await reopened.HighestSequenceNrAsync("p"));
        GC.KeepAlive(abandoned);
    }

    [Fact]
    public void A_file_with_a_newer_schema_version_is_refused_with_its_path()
    {
        using (SqliteJournal.Open(_file.DatabasePath)) { }
        Execute("PRAGMA user_version = 7;");
        var error = Assert.Throws<InvalidOperationException>(() => SqliteJournal.Open(_file.DatabasePath));
        Assert.Contains(_file.DatabasePath, error.Message);
        Assert.Contains("schema version 7", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_with_its_path()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file.DatabasePath)!);
        File.WriteAllBytes(_file.DatabasePath, Enumerable.Range(0, 4096).Select(i => (byte)(i * 31)).ToArray());
        var error = Assert.Throws<InvalidOperationException>(() => SqliteJournal.Open(_file.DatabasePath));
        Assert.Contains(_file.DatabasePath, error.Message);
    }

    [Fact]
    public async Task A_row_whose_payload_is_a_blob_is_reported_as_corrupt_with_its_sequence_number()
    {
        using var journal = SqliteJournal.Open(_file.DatabasePath);
        await journal.AppendAsync([Event(1)]);
        Execute("INSERT INTO journal (persistence_id, sequence_nr, manifest, payload, written_at_ms) VALUES ('p', 2, 'spec.item-recorded.v1', X'00FF', 0);");
        var error = await Assert.ThrowsAsync<CorruptJournalRowException>(() => journal.ReplayAsync("p", 1, long.MaxValue, 100));
        Assert.Contains("sequence number 2", error.Message);
        Assert.Contains("payload", error.Message);
    }

    [Fact]
    public async Task A_snapshot_row_whose_manifest_is_a_blob_is_reported_as_corrupt()
    {
        using var store = SqliteSnapshotStore.Open(_file.DatabasePath);
        Execute("INSERT INTO snapshots (persistence_id, sequence_nr, created_at_ms, manifest, payload) VALUES ('p', 4, 0, X'01', '{}');");
        var error = await Assert.ThrowsAsync<CorruptJournalRowException>(() => store.LoadAsync("p", SnapshotSelectionCriteria.Latest));
        Assert.Contains("manifest", error.Message);
    }

    [Fact]
    public async Task The_journal_and_the_snapshot_store_share_one_file()
    {
        using var journal = SqliteJournal.Open(_file.DatabasePath);
        using var snapshots = SqliteSnapshotStore.Open(_file.DatabasePath);
        await journal.AppendAsync([Event(1)]);
        await snapshots.SaveAsync(new SnapshotEntry("p", 1, DateTimeOffset.UnixEpoch, "m", "{}"));
        Assert.Equal("1", Scalar("SELECT count(*) FROM journal;"));
        Assert.Equal("1", Scalar("SELECT count(*) FROM snapshots;"));
    }

    private static void CopyShared(string from, string to)
    {
        using var source = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var target = File.Create(to);
        source.CopyTo(target);
    }
}
