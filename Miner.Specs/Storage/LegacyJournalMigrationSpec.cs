using Akka.Actor;
using Microsoft.Data.Sqlite;
using Miner.Actors.Mining;
using Miner.Actors.Mining.Ledger;
using Miner.Actors.Mining.Scoring;
using Miner.Actors.Storage;

namespace Miner.Specs.Storage;

/// <summary>
/// <see cref="LegacyJournalMigration"/> on <see cref="LegacyJournalFixture"/> (Fixtures/legacy-journal.db, made once by a
/// throwaway program through the miner's journal code of that layout): recovery on Akka.Persistence.Sql, exact
/// copies, numbering, and refusals of hostile input.
/// </summary>
public sealed class LegacyJournalMigrationSpec : IDisposable
{
    private readonly LegacyJournalFixture _files = new();

    public void Dispose() => _files.Dispose();

    private PersistenceOptions Target => new() { SqlitePath = _files.Target };

    [Fact]
    public void The_migrated_scorekeeper_recovers_its_cooldown_and_its_ban()
    {
        LegacyJournalMigration.Migrate(_files.Legacy, _files.Target);

        var recovered = Recover(Target, "scorekeeper");

        Assert.Equal(3, recovered.SnapshotSequenceNr);
        Assert.Equal([4L, 5L], recovered.Events.Select(e => e.SequenceNr));
        var ledger = new ScoreLedger(new BlacklistOptions());
        ledger.Restore(Assert.IsType<ScoreLedgerState>(recovered.Snapshot));
        foreach (var (_, evt) in recovered.Events) ledger.Apply(Assert.IsAssignableFrom<IScoreEvent>(evt));
        Assert.Equal(new DateTimeOffset(2030, 6, 1, 0, 0, 0, TimeSpan.Zero), ledger.CooldownUntil(LegacyJournalFixture.Cooled));
        Assert.True(ledger.DynamicBlacklist.ContainsKey(LegacyJournalFixture.Banned));
    }

    [Fact]
    public void The_migrated_task_ledger_recovers_the_task_still_in_flight()
    {
        LegacyJournalMigration.Migrate(_files.Legacy, _files.Target);

        var recovered = Recover(Target, "task-ledger");

        Assert.Null(recovered.Snapshot);
        var pulled = recovered.Events.Select(e => e.Event).OfType<TaskPulled>().Select(t => t.TaskId);
        var settled = recovered.Events.Select(e => e.Event).OfType<TaskSettled>().Select(t => t.TaskId);
        Assert.Equal(["task-b"], pulled.Except(settled));
    }

    [Fact]
    public void A_persist_after_recovery_continues_the_numbering()
    {
        LegacyJournalMigration.Migrate(_files.Legacy, _files.Target);

        var next = Persist(Target, "task-ledger", new TaskSettled("task-b", DateTimeOffset.UnixEpoch));

        Assert.Equal(5, next);
    }

    [Fact]
    public void Events_deleted_in_the_old_journal_still_keep_the_highest_sequence_number()
    {
        // As the TaskLedger does after a snapshot: the old rows go, journal_highest keeps 5.
        _files.Execute("DELETE FROM journal WHERE persistence_id = 'scorekeeper';");

        var summary = LegacyJournalMigration.Migrate(_files.Legacy, _files.Target);
        var recovered = Recover(Target, "scorekeeper");
        var next = Persist(Target, "scorekeeper", new PullRecorded(LegacyJournalFixture.Cooled, 3, DateTimeOffset.UnixEpoch));

        Assert.Equal(5, summary.HighestSequenceNrs["scorekeeper"]);
        Assert.Equal((3L, 0, 5L), (recovered.SnapshotSequenceNr, recovered.Events.Count, recovered.LastSequenceNr));
        Assert.Equal(6, next);
    }

    [Fact]
    public void Copied_rows_keep_sequence_numbers_manifests_payload_bytes_and_timestamps()
    {
        var summary = LegacyJournalMigration.Migrate(_files.Legacy, _files.Target);

        var old = Rows(_files.Legacy, "SELECT persistence_id, sequence_nr, manifest, CAST(payload AS BLOB), written_at_ms * 10000 + 621355968000000000 FROM journal ORDER BY 1, 2;");
        var copied = Rows(_files.Target, "SELECT persistence_id, sequence_number, manifest, message, created FROM journal WHERE deleted = 0 ORDER BY 1, 2;");
        Assert.Equal(old, copied);
        Assert.Equal([4040L], Rows(_files.Target, "SELECT DISTINCT identifier FROM journal UNION SELECT DISTINCT serializer_id FROM snapshot;").Select(r => r[0]));
        var oldSnapshot = Rows(_files.Legacy, "SELECT persistence_id, sequence_nr, manifest, CAST(payload AS BLOB), created_at_ms * 10000 + 621355968000000000 FROM snapshots;");
        var copiedSnapshot = Rows(_files.Target, "SELECT persistence_id, sequence_number, manifest, snapshot, created FROM snapshot;");
        Assert.Equal(oldSnapshot, copiedSnapshot);
        Assert.Equal((9, 1, "scorekeeper, task-ledger"), (summary.Events, summary.Snapshots, string.Join(", ", summary.PersistenceIds)));
    }

    [Fact]
    public void A_missing_FROM_is_refused_in_one_line_and_leaves_no_TO()
    {
        var error = Refused(Path.Combine(_files.Folder, "nowhere.db"));
        Assert.Contains("no such file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_FROM_without_the_old_tables_is_refused_naming_what_is_missing()
    {
        _files.Execute("DROP TABLE journal_highest;");
        var error = Refused(_files.Legacy);
        Assert.Contains("missing table journal_highest", error, StringComparison.Ordinal);
        Assert.Contains(_files.Legacy, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_bytes_as_FROM_are_refused_as_not_a_SQLite_database()
    {
        File.WriteAllBytes(_files.Legacy, Enumerable.Range(0, 4096).Select(i => (byte)(i * 31)).ToArray());
        var error = Refused(_files.Legacy);
        Assert.Contains("not a SQLite database", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_TO_that_already_holds_events_is_refused_and_kept_as_it_was()
    {
        LegacyJournalMigration.Migrate(_files.Legacy, _files.Target);
        var before = File.ReadAllBytes(_files.Target);

        var error = Assert.Throws<LegacyMigrationException>(() => LegacyJournalMigration.Migrate(_files.Legacy, _files.Target)).Message;

        Assert.Contains("already holds", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(_files.Target));
    }

    [Fact]
    public void A_payload_over_16_MiB_is_refused_before_anything_is_written()
    {
        _files.Execute("UPDATE journal SET payload = CAST(zeroblob(17 * 1024 * 1024) AS TEXT) WHERE persistence_id = 'task-ledger' AND sequence_nr = 2;");
        var error = Refused(_files.Legacy);
        Assert.Contains("over the", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_manifest_is_copied_and_reported()
    {
        _files.Execute("UPDATE journal SET manifest = 'mystery.v9' WHERE persistence_id = 'task-ledger' AND sequence_nr = 2;");

        var summary = LegacyJournalMigration.Migrate(_files.Legacy, _files.Target);

        Assert.Equal(["mystery.v9"], summary.UnknownManifests);
        Assert.Contains("mystery.v9", summary.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void First_start_migrates_once_logs_one_line_and_leaves_the_old_file_untouched()
    {
        var before = File.ReadAllBytes(_files.Legacy);
        var log = new List<string>();

        var first = LegacyJournalMigration.MigrateOnFirstStart(Target, _files.Folder, log.Add);
        var second = LegacyJournalMigration.MigrateOnFirstStart(Target, _files.Folder, log.Add);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Contains("migrated 9 events", Assert.Single(log), StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(_files.Legacy));
    }

    [Fact]
    public void First_start_without_an_old_file_does_nothing()
    {
        File.Delete(_files.Legacy);
        var log = new List<string>();

        Assert.Null(LegacyJournalMigration.MigrateOnFirstStart(Target, _files.Folder, log.Add));
        Assert.Empty(log);
        Assert.False(File.Exists(_files.Target));
    }

    [Fact]
    public void The_akka_config_refuses_a_file_of_the_old_layout()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AkkaPersistenceConfig.For(new PersistenceOptions { SqlitePath = _files.Legacy })).Message;
        Assert.Contains("miner db migrate", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_akka_config_creates_a_missing_folder_private_and_puts_the_file_in_WAL_mode()
    {
        var path = Path.Combine(_files.Folder, "fresh", "journal.db");

        AkkaPersistenceConfig.For(new PersistenceOptions { SqlitePath = path });

        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        Assert.Equal("wal", Rows(path, "PRAGMA journal_mode;").Single()[0]);
    }

    private string Refused(string from)
    {
        var error = Assert.Throws<LegacyMigrationException>(() => LegacyJournalMigration.Migrate(from, _files.Target)).Message;
        Assert.DoesNotContain('\n', error);
        Assert.False(File.Exists(_files.Target));
        Assert.Empty(_files.Leftovers());
        return error;
    }

    internal static RecoveryProbe.Recovered Recover(PersistenceOptions options, string persistenceId) =>
        InSystem(options, system => system.ActorOf(RecoveryProbe.Props(persistenceId))
            .Ask<RecoveryProbe.Recovered>(new RecoveryProbe.Report(), TimeSpan.FromSeconds(30)).GetAwaiter().GetResult());

    internal static long Persist(PersistenceOptions options, string persistenceId, object evt) =>
        InSystem(options, system => system.ActorOf(RecoveryProbe.Props(persistenceId))
            .Ask<long>(new RecoveryProbe.PersistOne(evt), TimeSpan.FromSeconds(30)).GetAwaiter().GetResult());

    private static T InSystem<T>(PersistenceOptions options, Func<ActorSystem, T> work)
    {
        var system = ActorSystem.Create("spec", global::Akka.Configuration.ConfigurationFactory.ParseString("akka.loglevel = WARNING").WithFallback(AkkaPersistenceConfig.For(options)));
        try
        {
            return work(system);
        }
        finally
        {
            system.Terminate().Wait(TimeSpan.FromSeconds(30));
        }
    }

    private static List<object[]> Rows(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }
}
