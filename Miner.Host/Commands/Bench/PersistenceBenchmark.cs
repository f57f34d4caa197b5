using System.Text.Json;

namespace Miner.Host.Commands.Bench;

/// <summary>
/// `miner bench persistence`: Akka.Persistence.Sql figures on a throwaway SQLite file in WAL mode (never the miner's
/// own database), measured through a persistent actor (<see cref="AkkaPersistenceBenchmark"/>).
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
            var rows = AkkaPersistenceBenchmark.Measure(Path.Combine(folder, "akka.db"), events);
            if (json)
            {
                stdout.WriteLine(JsonSerializer.Serialize(rows.Select(r => new
                {
                    scenario = r.Scenario, events = r.Events, seconds = r.Seconds, per_second = Math.Round(r.PerSecond),
                })));
                return 0;
            }
            stdout.WriteLine($"{"scenario (Akka.Persistence.Sql, SQLite, WAL)",-52} {"events/s",12}  {"events",8}  {"seconds",8}");
            foreach (var r in rows) stdout.WriteLine($"{r.Scenario,-52} {r.PerSecond,12:N0}  {r.Events,8:N0}  {r.Seconds,8:F2}");
            return 0;
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
