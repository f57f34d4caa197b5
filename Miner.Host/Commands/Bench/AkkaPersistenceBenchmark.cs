using System.Diagnostics;
using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;
using Akka.Persistence.Sql;
using Microsoft.Data.Sqlite;

namespace Miner.Host.Commands.Bench;

/// <summary>
/// The workloads of `miner bench persistence` on Akka.Persistence.Sql 1.5.73 (SQLite, WAL) through a persistent
/// actor: appends one event per write, then 100 per write (PersistAll), then a fresh actor's recovery of them all.
/// </summary>
public static class AkkaPersistenceBenchmark
{
    public static IReadOnlyList<(string Scenario, int Events, double Seconds, double PerSecond)> Measure(string path, int events)
    {
        using (var wal = new SqliteConnection($"Data Source={path}"))
        {
            // WAL before the plugin opens the file: about three times the appends per second (akka-migration.md).
            wal.Open();
            using var pragma = wal.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode=WAL;";
            pragma.ExecuteNonQuery();
        }
        var config = ConfigurationFactory.ParseString($$"""
            akka.loglevel = WARNING
            akka.stdout-loglevel = WARNING
            akka.persistence.journal.plugin = "akka.persistence.journal.sql"
            akka.persistence.journal.sql { connection-string = "Data Source={{path}}", provider-name = "SQLite.MS", auto-initialize = on }
            akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.sql"
            akka.persistence.snapshot-store.sql { connection-string = "Data Source={{path}}", provider-name = "SQLite.MS", auto-initialize = on }
            """).WithFallback(SqlPersistence.DefaultConfiguration);
        var system = ActorSystem.Create("bench", config);
        try
        {
            var rows = new List<(string, int, double, double)>();
            // The plugin creates its tables on first use: not timed.
            Ask(system.ActorOf(Props.Create(() => new BenchWriter("warmup"))), new Write(1, 1));
            var single = system.ActorOf(Props.Create(() => new BenchWriter("single")));
            var clock = Stopwatch.StartNew();
            for (var n = 0; n < events; n++) Ask(single, new Write(1, 1));
            rows.Add(Row("append, 1 event per write", events, clock.Elapsed));

            var batched = system.ActorOf(Props.Create(() => new BenchWriter("batched")));
            clock.Restart();
            for (var written = 0; written < events; written += 100) Ask(batched, new Write(Math.Min(100, events - written), 1));
            rows.Add(Row("append, 100 events per write (PersistAll)", events, clock.Elapsed));

            clock.Restart();
            var replay = system.ActorOf(Props.Create(() => new BenchWriter("batched")));
            var recovered = Ask(replay, new Write(0, 0));
            rows.Add(Row("recovery of a fresh actor (replay and deserialise)", (int)recovered, clock.Elapsed));
            return rows;
        }
        finally
        {
            system.Terminate().Wait(TimeSpan.FromSeconds(10));
        }
    }

    private static long Ask(IActorRef writer, Write write) => writer.Ask<long>(write, TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();

    private static (string, int, double, double) Row(string scenario, int events, TimeSpan took) =>
        (scenario, events, Math.Round(took.TotalSeconds, 3), events / Math.Max(took.TotalSeconds, 1e-9));

    /// <summary>Persist <paramref name="Count"/> events in one write; the reply is the sequence number after it.</summary>
    private sealed record Write(int Count, int Unused);

    private sealed record BenchEvent(string Validator, double Score, long Task);

    private sealed class BenchWriter : ReceivePersistentActor
    {
        public BenchWriter(string id)
        {
            PersistenceId = "bench-" + id;
            Recover<BenchEvent>(_ => { });
            Command<Write>(write =>
            {
                if (write.Count == 0)
                {
                    Sender.Tell(LastSequenceNr);
                    return;
                }
                var sender = Sender;
                var batch = Enumerable.Range(0, write.Count)
                    .Select(i => new BenchEvent("5F3sa2TJAWMqDhXG6jhV4N8ko9SxwGy8TpaNS1repo5EYjQX", 0.73, LastSequenceNr + i + 1)).ToList();
                var left = batch.Count;
                PersistAll(batch, _ =>
                {
                    if (--left == 0) sender.Tell(LastSequenceNr);
                });
            });
        }

        public override string PersistenceId { get; }
    }
}
