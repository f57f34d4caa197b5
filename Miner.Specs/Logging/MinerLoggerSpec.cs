using Miner.Host.Logging;
using Serilog.Events;

namespace Miner.Specs.Logging;

public sealed class MinerLoggerSpec
{
    [Fact]
    public void The_bittensor_debug_flag_lowers_the_level_to_debug()
    {
        Assert.Equal(LogEventLevel.Debug, MinerLogger.EffectiveLevel(new LoggingOptions { Level = "warning", Debug = true }));
    }

    [Fact]
    public void The_trace_flag_wins_over_debug()
    {
        Assert.Equal(LogEventLevel.Verbose, MinerLogger.EffectiveLevel(new LoggingOptions { Debug = true, Trace = true }));
    }

    [Fact]
    public void An_unknown_level_names_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => MinerLogger.EffectiveLevel(new LoggingOptions { Level = "loud" }));
        Assert.Contains("logging.level", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_sink_writes_to_the_configured_rolling_file()
    {
        var dir = Directory.CreateTempSubdirectory("miner-log-");
        try
        {
            var options = new LoggingOptions { Console = { Enabled = false }, File = { Path = Path.Combine(dir.FullName, "miner-.log") } };
            using (var logger = MinerLogger.Create(options))
                logger.ForContext("TaskId", "t-1").Information("task {Outcome}", "accepted");
            var file = Assert.Single(Directory.GetFiles(dir.FullName, "miner-*.log"));
            var text = File.ReadAllText(file);
            Assert.Contains("task accepted", text, StringComparison.Ordinal);
            Assert.Contains("\"TaskId\":\"t-1\"", text, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
