using Miner.Host.Configuration;

namespace Miner.Specs.Configuration;

public sealed class ConfigurationCheckerSpecs
{
    private readonly ConfigurationChecker _checker = new(SampleOptions.Registrations, HoconSpecHelpers.Options());

    [Fact]
    public void A_valid_file_has_no_diagnostics_and_exits_zero()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("miner.conf", SampleConfiguration.MinerConf);
        Assert.Empty(_checker.Check(path));
        var output = new StringWriter();
        Assert.Equal(0, _checker.Run(path, output, output));
        Assert.EndsWith("miner.conf: ok", output.ToString().Trim());
    }

    [Fact]
    public void A_parse_error_is_one_diagnostic_with_line_and_column()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("bad.conf", "wallet {\n  name = \"open\n}");
        var diagnostic = Assert.Single(_checker.Check(path));
        Assert.Equal($"{path}:2:10", diagnostic.Location);
        Assert.Equal("unterminated string", diagnostic.Message);
    }

    [Fact]
    public void Unknown_sections_unknown_keys_and_type_errors_are_all_reported_with_lines()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("op.conf", "netuid = seventeen\nwallet.nmae = x\nvalidators.cooldown = 300\nmetrics { port = 1 }");
        var diagnostics = _checker.Check(path).Select(d => d.ToString()).ToList();
        Assert.Equal(4, diagnostics.Count);
        Assert.Contains(diagnostics, d => d.StartsWith($"{path}:1: error: netuid: expected an integer", StringComparison.Ordinal));
        Assert.Contains($"{path}:2: error: wallet.nmae: unknown key", diagnostics);
        Assert.Contains(diagnostics, d => d.StartsWith($"{path}:3: error: validators.cooldown: expected a duration", StringComparison.Ordinal));
        Assert.Contains($"{path}:4: error: metrics: unknown key", diagnostics);
    }

    [Fact]
    public void Run_prints_each_diagnostic_and_exits_one_with_the_summary_on_stderr()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("op.conf", "wallet.nmae = x");
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(1, _checker.Run(path, output, error));
        Assert.Contains("wallet.nmae: unknown key", output.ToString());
        Assert.Equal($"{path}: 1 error(s), 0 warning(s)", error.ToString().Trim());
    }

    [Fact]
    public void Nested_registered_sections_are_walked_into()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("op.conf", "miner.wallet.name = x\nminer.other = 1");
        var checker = new ConfigurationChecker([new RegisteredOptions("miner.wallet", typeof(SampleWalletOptions))], HoconSpecHelpers.Options());
        Assert.Equal("miner.other", Assert.Single(checker.Check(path)).Key);
    }

    [Fact]
    public void A_missing_file_is_a_diagnostic() =>
        Assert.Contains("file not found", Assert.Single(_checker.Check("/nonexistent/op.conf")).Message);
}
