using System.Collections.Immutable;
using System.Data.Common;
using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;
using Microsoft.Data.Sqlite;
using Miner.Actors.Akka.Serialization;
using Npgsql;
using AkkaPersistence = Akka.Persistence.Persistence;

namespace Miner.Actors.Storage;

/// <summary>
/// Copies a journal of the project's own SQLite layout (<c>data/miner.db</c>: tables <c>journal</c>,
/// <c>journal_highest</c>, <c>snapshots</c>) into Akka.Persistence.Sql's layout. Every event keeps its persistence
/// id, sequence number, manifest, payload bytes and timestamp; the latest snapshot of each id keeps its number and
/// timestamp; the highest sequence number survives even where the old journal had deleted the events (a deleted
/// marker row at that number, as Akka keeps it itself), so a recovered actor numbers on after it.
/// Rows are written through Akka (a throwaway actor system with the target's plugins), so the target schema is
/// exactly the plugin's.
/// <para>
/// TO is a SQLite path, or a PostgreSQL connection string written <c>postgres:Host=…;Database=…</c>. A SQLite TO
/// is built in a temporary file beside it and renamed into place only when complete. A TO that already holds events
/// or snapshots (or the old layout) is refused, never merged. On PostgreSQL every row is checked before the first
/// write, but a failure while writing (server gone) leaves what was written: empty the tables before a retry.
/// </para>
/// </summary>
public static class LegacyJournalMigration
{
    /// <summary>The prefix that marks a TO as a PostgreSQL connection string.</summary>
    public const string PostgresPrefix = "postgres:";

    /// <summary>A payload above this is refused: the miner's events are a few hundred bytes, snapshots kilobytes.</summary>
    public const long MaxPayloadBytes = 16 * 1024 * 1024;

    private const int EventsPerWrite = 200;
    private const string HighestMarkerManifest = "miner.migration.highest-sequence-nr.v1";
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Copies the old journal at <paramref name="from"/> into <paramref name="to"/> (a SQLite path or <c>postgres:CONNECTION-STRING</c>).</summary>
    /// <exception cref="LegacyMigrationException">FROM or TO refused; the message is one line naming the file and the problem.</exception>
    public static LegacyMigrationSummary Migrate(string from, string to)
    {
        ArgumentNullException.ThrowIfNull(to);
        var target = to.StartsWith(PostgresPrefix, StringComparison.OrdinalIgnoreCase)
            ? new PersistenceOptions { Provider = PersistenceProvider.Postgres, PostgresConnectionString = to[PostgresPrefix.Length..] }
            : new PersistenceOptions { Provider = PersistenceProvider.Sqlite, SqlitePath = to };
        return Migrate(from, target);
    }

    /// <summary>Copies the old journal at <paramref name="from"/> into the store <paramref name="target"/> describes (its snapshot-every is not used).</summary>
    public static LegacyMigrationSummary Migrate(string from, PersistenceOptions target)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(target);
        if (target.Provider == PersistenceProvider.Postgres && string.IsNullOrWhiteSpace(target.PostgresConnectionString))
            throw new LegacyMigrationException("TO: the PostgreSQL connection string is empty (write postgres:Host=...;Database=...)");
        if (target.Provider == PersistenceProvider.Sqlite && string.IsNullOrWhiteSpace(target.SqlitePath))
            throw new LegacyMigrationException("TO: the SQLite path is empty");
        using var source = LegacyJournalReader.Open(from);
        if (target.Provider == PersistenceProvider.Sqlite && SamePath(source.Path, target.SqlitePath))
            throw new LegacyMigrationException($"{source.Path}: FROM and TO are the same file; migrate into a new file");
        var plan = Plan(source);
        if (TargetHolds(target) is { } held) throw new LegacyMigrationException(held);
        return target.Provider == PersistenceProvider.Postgres ? Write(source, plan, target) : WriteSqlite(source, plan, target.SqlitePath);
    }

    /// <summary>
    /// At the miner's start: when <c>HOME/data/miner.db</c> (<see cref="AkkaPersistenceConfig.LegacySqlitePath"/>) holds
    /// the old layout and the store <paramref name="options"/> names has no events yet, copies it over and logs one
    /// line. The old file is left untouched (not renamed, not written): it stays the way back, and once the new store
    /// holds events the next start does nothing. Returns null when nothing was migrated.
    /// </summary>
    /// <exception cref="LegacyMigrationException">The old file is an old journal, but one of its rows is refused.</exception>
    public static LegacyMigrationSummary? MigrateOnFirstStart(PersistenceOptions options, string home, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(home);
        ArgumentNullException.ThrowIfNull(log);
        var legacy = Path.GetFullPath(Path.Combine(home, AkkaPersistenceConfig.LegacySqlitePath));
        // Pointed at the old file itself: AkkaPersistenceConfig refuses it with the command to run.
        if (!File.Exists(legacy) || (options.Provider == PersistenceProvider.Sqlite && SamePath(legacy, options.SqlitePath))) return null;
        if (TargetHolds(options) is not null) return null;
        try
        {
            using (LegacyJournalReader.Open(legacy))
            {
            }
        }
        catch (LegacyMigrationException error)
        {
            log($"not migrating {legacy}: {error.Message}");
            return null;
        }
        var summary = Migrate(legacy, options);
        log(summary + "; the old file is left as it was");
        return summary;
    }

    /// <summary>Why <paramref name="target"/> cannot receive a migration (it holds events, snapshots or the old layout), or null.</summary>
    internal static string? TargetHolds(PersistenceOptions target) =>
        target.Provider == PersistenceProvider.Postgres ? PostgresHolds(target.PostgresConnectionString) : SqliteHolds(target.SqlitePath);

    // Reads every row once before anything is written: sizes, timestamps, numbering, manifests.
    private static Dictionary<string, (long Highest, int Events, bool Snapshot)> Plan(LegacyJournalReader source)
    {
        var plan = new Dictionary<string, (long, int, bool)>(StringComparer.Ordinal);
        foreach (var id in source.PersistenceIds())
        {
            long last = 0;
            var events = 0;
            for (IReadOnlyList<LegacyRow> chunk; (chunk = source.Events(id, last, EventsPerWrite)).Count > 0; last = chunk[^1].SequenceNr) events += chunk.Count;
            var snapshot = source.LatestSnapshot(id);
            var highest = Math.Max(source.HighestSequenceNr(id), snapshot?.SequenceNr ?? 0);
            // The old journal deletes a prefix, so surviving events always reach the highest number; anything else is a damaged file.
            if (events > 0 && highest > last)
                throw new LegacyMigrationException($"{source.Path}: '{id}' has events up to #{last} but its highest number is #{highest}; the file is inconsistent");
            plan[id] = (highest, events, snapshot is not null);
        }
        return plan;
    }

    private static LegacyMigrationSummary WriteSqlite(LegacyJournalReader source, Dictionary<string, (long Highest, int Events, bool Snapshot)> plan, string to)
    {
        var final = Path.GetFullPath(to);
        var temporary = Path.Combine(Path.GetDirectoryName(final)!, $".{Path.GetFileName(final)}.migrating-{Guid.NewGuid():N}");
        try
        {
            var summary = Write(source, plan, new PersistenceOptions { Provider = PersistenceProvider.Sqlite, SqlitePath = temporary }) with { Target = final };
            using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
            {
                // Back to a single file (checkpoints the WAL), so the rename carries everything; the miner turns WAL on again at start.
                connection.Open();
                using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA journal_mode=DELETE;";
                pragma.ExecuteNonQuery();
            }
            // TO had no events (checked): an empty Akka file there is replaced, and its stale WAL must not be applied to ours.
            DeleteWithSidecars(final);
            File.Move(temporary, final);
            return summary;
        }
        finally
        {
            DeleteWithSidecars(temporary);
        }
    }

    private static LegacyMigrationSummary Write(LegacyJournalReader source, Dictionary<string, (long Highest, int Events, bool Snapshot)> plan, PersistenceOptions target)
    {
        var config = ConfigurationFactory.ParseString(LegacyPayloadSerializer.Hocon + """

            akka.loglevel = WARNING
            akka.stdout-loglevel = WARNING
            """).WithFallback(AkkaPersistenceConfig.PluginsFor(target));
        var known = new HashSet<string>(MinerJsonSerializer.ManifestTables.Select(b => b.Manifest), StringComparer.Ordinal);
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        int events = 0, snapshots = 0;
        var stamps = new List<(string Id, long SequenceNr, long Ticks)>();
        var system = ActorSystem.Create("legacy-migration", config);
        try
        {
            var persistence = AkkaPersistence.Instance.Apply(system);
            var journal = persistence.JournalFor(null);
            var snapshotStore = persistence.SnapshotStoreFor(null);
            var inbox = Inbox.Create(system);
            foreach (var (id, (highest, _, _)) in plan)
            {
                long last = 0;
                for (IReadOnlyList<LegacyRow> chunk; (chunk = source.Events(id, last, EventsPerWrite)).Count > 0; last = chunk[^1].SequenceNr)
                {
                    foreach (var row in chunk.Where(r => !known.Contains(r.Manifest))) unknown.Add(row.Manifest);
                    WriteEvents(journal, inbox, chunk.Select(row => Persistent(id, row.SequenceNr, new LegacyPayload(row.Manifest, row.Payload))).ToList());
                    stamps.AddRange(chunk.Select(row => (id, row.SequenceNr, row.Timestamp.UtcTicks)));
                    events += chunk.Count;
                }
                if (highest > last)
                {
                    // Events up to the highest number were deleted: a marker row there, deleted the way Akka deletes
                    // (it keeps the highest deleted row), so the highest number survives and nothing replays.
                    WriteEvents(journal, inbox, [Persistent(id, highest, new LegacyPayload(HighestMarkerManifest, []))]);
                    journal.Tell(new DeleteMessagesTo(id, highest, inbox.Receiver));
                    Expect(inbox, id, reply => reply is DeleteMessagesSuccess, reply => reply is DeleteMessagesFailure f ? f.Cause : null);
                }
                if (source.LatestSnapshot(id) is { } snapshot)
                {
                    if (!known.Contains(snapshot.Manifest)) unknown.Add(snapshot.Manifest);
                    var metadata = new SnapshotMetadata(id, snapshot.SequenceNr, snapshot.Timestamp.UtcDateTime);
                    snapshotStore.Tell(new SaveSnapshot(metadata, new LegacyPayload(snapshot.Manifest, snapshot.Payload)), inbox.Receiver);
                    Expect(inbox, id, reply => reply is SaveSnapshotSuccess, reply => reply is SaveSnapshotFailure f ? f.Cause : null);
                    snapshots++;
                }
            }
        }
        finally
        {
            system.Terminate().Wait(TimeSpan.FromSeconds(30));
        }
        RestoreTimestamps(target, stamps);
        return new LegacyMigrationSummary(source.Path, AkkaPersistenceConfig.Describe(target), plan.Keys.ToList(), events, snapshots,
            plan.ToDictionary(p => p.Key, p => p.Value.Highest, StringComparer.Ordinal), unknown.ToList());
    }

    private static Persistent Persistent(string id, long sequenceNr, LegacyPayload payload) => new(payload, sequenceNr, id, writerGuid: "legacy-migration");

    /// <summary>
    /// Puts each event's original time into Akka's <c>created</c> column (ticks; the old journal kept milliseconds).
    /// Plain SQL, because Akka's write journal drops a message's own timestamp and stamps the time of the write.
    /// </summary>
    private static void RestoreTimestamps(PersistenceOptions target, List<(string Id, long SequenceNr, long Ticks)> stamps)
    {
        using DbConnection connection = target.Provider == PersistenceProvider.Postgres
            ? new NpgsqlConnection(target.PostgresConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(target.SqlitePath), Pooling = false }.ToString());
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE journal SET created = @created WHERE persistence_id = @id AND sequence_number = @nr;";
        var created = Parameter(update, "created");
        var id = Parameter(update, "id");
        var nr = Parameter(update, "nr");
        foreach (var stamp in stamps)
        {
            (created.Value, id.Value, nr.Value) = (stamp.Ticks, stamp.Id, stamp.SequenceNr);
            if (update.ExecuteNonQuery() != 1) throw new LegacyMigrationException($"writing '{stamp.Id}': event #{stamp.SequenceNr} is not in the target after the write");
        }
        transaction.Commit();
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static void WriteEvents(IActorRef journal, Inbox inbox, IReadOnlyList<Persistent> batch)
    {
        journal.Tell(new WriteMessages([new AtomicWrite(batch.ToImmutableList<IPersistentRepresentation>())], inbox.Receiver, 1));
        // One reply for the batch, then one per event.
        for (var replies = 0; replies < batch.Count + 1; replies++)
            Expect(inbox, batch[0].PersistenceId, reply => reply is WriteMessagesSuccessful or WriteMessageSuccess, reply => reply switch
            {
                WriteMessagesFailed f => f.Cause,
                WriteMessageFailure f => f.Cause,
                WriteMessageRejected r => r.Cause,
                _ => null,
            });
    }

    private static void Expect(Inbox inbox, string id, Func<object, bool> success, Func<object, Exception?> failure)
    {
        object reply;
        try
        {
            reply = inbox.Receive(ReplyTimeout);
        }
        catch (TimeoutException)
        {
            throw new LegacyMigrationException($"writing '{id}': the target store did not answer within {ReplyTimeout.TotalSeconds:0} s");
        }
        if (success(reply)) return;
        var cause = failure(reply);
        throw new LegacyMigrationException($"writing '{id}': {(cause is null ? "unexpected reply " + reply.GetType().Name : OneLine(cause.Message))}", cause!);
    }

    private static string? SqliteHolds(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) return Directory.Exists(full) ? $"{full}: TO is a folder" : null;
        if (new FileInfo(full).Length == 0) return null;
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            if (LegacyJournalReader.HasLegacyTables(connection)) return $"{full}: TO holds the old journal layout; migrate into a new file";
            var rows = Count(connection, "journal") + Count(connection, "snapshot");
            return rows > 0 ? $"{full}: TO already holds {rows} events or snapshots; refusing to merge (migrate into a new file)" : null;
        }
        catch (SqliteException error)
        {
            return $"{full}: TO exists and is not a SQLite journal ({OneLine(error.Message)})";
        }
    }

    private static long Count(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name;";
        command.Parameters.AddWithValue("$name", table);
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0) return 0;
        command.CommandText = $"SELECT count(*) FROM \"{table}\";";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string? PostgresHolds(string connectionString)
    {
        const string where = "the PostgreSQL target";
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT to_regclass('journal_highest') IS NOT NULL, to_regclass('journal') IS NOT NULL, to_regclass('snapshot') IS NOT NULL;";
            bool legacy, journal, snapshot;
            using (var reader = command.ExecuteReader())
            {
                reader.Read();
                (legacy, journal, snapshot) = (reader.GetBoolean(0), reader.GetBoolean(1), reader.GetBoolean(2));
            }
            if (legacy) return $"{where} holds the old journal layout (table journal_highest); migrate into an empty database";
            long rows = 0;
            foreach (var (table, exists) in new[] { ("journal", journal), ("snapshot", snapshot) })
            {
                if (!exists) continue;
                command.CommandText = $"SELECT count(*) FROM {table};";
                rows += Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            }
            return rows > 0 ? $"{where} already holds {rows} events or snapshots; refusing to merge" : null;
        }
        catch (Exception error) when (error is NpgsqlException or ArgumentException or InvalidOperationException)
        {
            // Npgsql's messages name host and database at most; the connection string itself is never printed.
            throw new LegacyMigrationException($"{where}: cannot connect ({OneLine(error.Message)})", error);
        }
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static void DeleteWithSidecars(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" }) File.Delete(path + suffix);
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
