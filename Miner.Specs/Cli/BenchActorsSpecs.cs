using System.Text.Json;
using Miner.Host.Cli;

namespace Miner.Specs.Cli;

/// <summary>`miner bench actors` measures Akka.NET with three workloads and prints what it timed.</summary>
public sealed class BenchActorsSpecs
{
    private static JsonElement Report()
    {
        var stdout = new StringWriter();
        var exit = MinerCli.Run(["bench", "actors", "--json", "--messages", "20000"], stdout, new StringWriter(), new Dictionary<string, string?>());
        Assert.Equal(0, exit);
        return JsonDocument.Parse(stdout.ToString()).RootElement;
    }

    [Fact]
    public void It_measures_one_to_one_many_to_one_and_ping_pong()
    {
        var scenarios = Report().GetProperty("scenarios").EnumerateArray().Select(r => r.GetProperty("Scenario").GetString() ?? "").ToArray();
        Assert.Equal(["one-to-one", "many-to-one (8 senders)"], scenarios[..2]);
        Assert.StartsWith("ping-pong", scenarios[2]);
    }

    [Fact]
    public void Every_row_counts_the_messages_it_timed()
    {
        foreach (var row in Report().GetProperty("scenarios").EnumerateArray())
        {
            Assert.True(row.GetProperty("Messages").GetInt64() > 0);
            Assert.True(row.GetProperty("PerSecond").GetDouble() > 0);
        }
    }

    [Fact]
    public void It_reports_the_throughput_of_the_shipped_akka_section()
    {
        Assert.Equal(100, Report().GetProperty("throughput").GetInt32());
    }
}
