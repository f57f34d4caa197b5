using Miner.Host.Cli;

namespace Miner.Specs.Configuration;

/// <summary>`miner config check FILE` applies the same range and combination rules as a load.</summary>
public sealed class ConfigCheckRangeSpecs
{
    private static (int Exit, string Out) Check(string path)
    {
        var report = new StringWriter();
        var exit = MinerCli.Run(["config", "check", path], report, report, new Dictionary<string, string?>());
        return (exit, report.ToString());
    }

    [Fact]
    public void Config_check_reports_a_value_out_of_range_with_its_line_and_exits_1()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("op.conf", "miner.splats {\n  spz.compression-level = 0\n}\n");
        var (exit, output) = Check(path);
        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains($"{path}:2: error: miner.splats.spz.compression-level: 0 is out of range: expected an integer in [1, 22]", output, StringComparison.Ordinal);
        Assert.Contains("1 error(s), 0 warning(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_check_reports_a_combination_that_cannot_work()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("op.conf", "miner.gate {\n  min-coverage = 0.9\n  max-coverage = 0.5\n}\n");
        var (exit, output) = Check(path);
        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains($"{path}:2: error: miner.gate.min-coverage: 0.9 leaves nothing below max-coverage (0.5)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_check_reports_an_out_of_range_devnet_value()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("devnet.conf", "devnet.validators = 65\n");
        var (exit, output) = Check(path);
        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains($"{path}:1: error: devnet.validators: 65 is out of range: expected an integer in [1, 64]", output, StringComparison.Ordinal);
    }
}
