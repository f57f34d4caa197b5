using System.Diagnostics;
using System.Text.Json;
using Miner.Actors.Persistence;
using Miner.Actors.Storage;

namespace Miner.Host.Commands.Bench;

/// <summary>
/// `miner bench persistence`: SQLite journal figures on a throwaway file (never the miner's own database):
/// durable appends per second one event per transaction (what a Persist per command costs), events per second in
/// batches of 100, and replay speed.
/// </summary>
public static class PersistenceBenchmark
{
    public static int Run(int events, bool json, TextWriter stdout, TextWriter stderr)
    {
        if (events < 100)
        {
            stderr.WriteLine("--events must be at least 100");
            return 1;
        }
        var folder = ScratchFolder.Create("miner-bench-").FullName;
        try
        {
            var rows = Measure(Path.Combine(folder, "bench.db"), events).GetAwaiter().GetResult().Select(r => (Journal: "miner", Row: r))
                .Concat(AkkaPersistenceBenchmark.Measure(Path.Combine(folder, "akka.db"), events).Select(r => (Journal: "akka", Row: r)))
                .ToList();
            if (json)
            {
                stdout.WriteLine(JsonSerializer.Serialize(rows.Select(r => new
                {
                    journal = r.Journal, scenario = r.Row.Scenario, events = r.Row.Events, seconds = r.Row.Seconds, per_second = Math.Round(r.Row.PerSecond),
                })));
                return 0;
            }
            stdout.WriteLine($"{"journal",-7} {"scenario (SQLite, WAL)",-52} {"events/s",12}  {"events",8}  {"seconds",8}");
            foreach (var (journal, r) in rows) stdout.WriteLine($"{journal,-7} {r.Scenario,-52} {r.PerSecond,12:N0}  {r.Events,8:N0}  {r.Seconds,8:F2}");
            return 0;
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<IReadOnlyList<(string Scenario, int Events, double Seconds, double PerSecond)>> Measure(string path, int events)
    {
        using var journal = SqliteJournal.Open(path);
        var serializer = new EventSerializer();
        serializer.Register<BenchEvent>("bench.event.v1");
        JournalEntry Entry(string id, long nr)
        {
            var (manifest, payload) = serializer.Serialize(new BenchEvent("5F3sa2TJAWMqDhXG6jhV4N8ko9SxwGy8TpaNS1repo5EYjQX", 0.73, nr));
            return new JournalEntry(id, nr, manifest, payload, DateTimeOffset.UnixEpoch);
        }

        var rows = new List<(string, int, double, double)>();
        var clock = Stopwatch.StartNew();
        for (var nr = 1; nr <= events; nr++) await journal.AppendAsync([Entry("single", nr)]);
        rows.Add(Row("append, 1 event per transaction", events, clock.Elapsed));

        clock.Restart();
        for (var first = 1; first <= events; first += 100)
        {
            var last = Math.Min(events, first + 99);
            await journal.AppendAsync(Enumerable.Range(first, last - first + 1).Select(n => Entry("batched", n)).ToArray());
        }
        rows.Add(Row("append, 100 events per transaction", events, clock.Elapsed));

        clock.Restart();
        var read = 0;
        for (long from = 1; ; )
        {
            var page = await journal.ReplayAsync("batched", from, long.MaxValue, 256);
            foreach (var entry in page) serializer.Deserialize(entry.Manifest, entry.Payload);
            read += page.Count;
            if (page.Count < 256) break;
            from = page[^1].SequenceNr + 1;
        }
        rows.Add(Row("replay and deserialise, pages of 256", read, clock.Elapsed));
        return rows;
    }

    private static (string, int, double, double) Row(string scenario, int events, TimeSpan took) =>
        (scenario, events, Math.Round(took.TotalSeconds, 3), events / Math.Max(took.TotalSeconds, 1e-9));

    private sealed record BenchEvent(string Validator, double Score, long Task);
}
