using System.Text.Json;
using Miner.Host.Cli;

namespace Miner.Specs.Cli;

/// <summary>`miner bench actors` measures the kernel and Akka.NET with the same workloads.</summary>
public sealed class BenchActorsSpecs
{
    private static JsonElement[] Scenarios(string runtime)
    {
        var stdout = new StringWriter();
        var exit = MinerCli.Run(["bench", "actors", "--json", "--messages", "20000", "--runtime", runtime], stdout, new StringWriter(), new Dictionary<string, string?>());
        Assert.Equal(0, exit);
        return JsonDocument.Parse(stdout.ToString()).RootElement.GetProperty("scenarios").EnumerateArray().ToArray();
    }

    [Fact]
    public void Both_runtimes_measure_the_same_three_workloads()
    {
        var rows = Scenarios("both");
        var kernel = rows.Where(r => r.GetProperty("runtime").GetString() == "kernel").Select(r => r.GetProperty("Scenario").GetString()).ToArray();
        var akka = rows.Where(r => r.GetProperty("runtime").GetString() == "akka").Select(r => r.GetProperty("Scenario").GetString()).ToArray();
        Assert.Equal(3, akka.Length);
        Assert.Equal(kernel, akka);
    }

    [Fact]
    public void Akka_rows_count_every_message_they_time()
    {
        foreach (var row in Scenarios("akka"))
        {
            Assert.True(row.GetProperty("Messages").GetInt64() > 0);
            Assert.True(row.GetProperty("PerSecond").GetDouble() > 0);
        }
    }
}
