using System.Text.Json;
using Miner.Host.Commands.Bench;

namespace Miner.Specs.Persistence;

/// <summary>`miner bench persistence` prints its three Akka.Persistence.Sql scenarios and refuses a too small run.</summary>
public sealed class PersistenceBenchmarkSpec
{
    [Fact]
    public void The_benchmark_prints_append_and_replay_figures_for_every_event()
    {
        var stdout = new StringWriter();
        Assert.Equal(0, PersistenceBenchmark.Run(100, json: true, stdout, new StringWriter()));
        var rows = JsonDocument.Parse(stdout.ToString()).RootElement.EnumerateArray().ToArray();
        Assert.Equal(3, rows.Length);
        Assert.All(rows, r => Assert.Equal(100, r.GetProperty("events").GetInt32()));
        Assert.All(rows, r => Assert.True(r.GetProperty("per_second").GetDouble() > 0));
    }

    [Fact]
    public void Fewer_than_100_events_is_refused()
    {
        var stderr = new StringWriter();
        Assert.Equal(1, PersistenceBenchmark.Run(10, json: false, new StringWriter(), stderr));
        Assert.Contains("--events", stderr.ToString());
    }
}
