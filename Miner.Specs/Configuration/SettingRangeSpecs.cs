using Miner.Host.Configuration;
using Miner.Models.Bittensor.Wire;

namespace Miner.Specs.Configuration;

/// <summary>
/// Values of the right type but outside what their setting allows are refused at load, each on one line naming the
/// key as written, the value, where it was set and the allowed range.
/// </summary>
public sealed class SettingRangeSpecs
{
    private static MinerSettings Load(Dictionary<string, string?>? env = null, string? operatorFile = null, params string[] flags) =>
        MinerSettings.Bind(MinerConfiguration.Build(MinerConfiguration.DefaultsPath, operatorFile, env ?? [], flags));

    private static IReadOnlyList<ConfigurationDiagnostic> Refused(Dictionary<string, string?>? env = null, string? operatorFile = null, params string[] flags) =>
        Assert.Throws<ConfigurationException>(() => Load(env, operatorFile, flags)).Diagnostics;

    [Fact]
    public void A_negative_duration_is_refused_naming_key_value_origin_and_range()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("x.conf", "miner.dendrite {\n  pull-timeout = -5s\n}\n");
        var diagnostic = Assert.Single(Refused(operatorFile: file));
        Assert.Equal($"{file}:2: error: miner.dendrite.pull-timeout: -5s is out of range: expected a positive duration of at most 10m", diagnostic.ToString());
    }

    [Fact]
    public void A_zero_duration_where_a_positive_one_is_needed_is_refused()
    {
        var diagnostic = Assert.Single(Refused(flags: ["--miner.mining.poller-backoff", "0s"]));
        Assert.Equal("flag --miner.mining.poller-backoff: error: miner.mining.poller-backoff: 0s is out of range: expected a positive duration of at most 1d",
            diagnostic.ToString());
    }

    [Fact]
    public void A_zero_count_is_refused()
    {
        var diagnostic = Assert.Single(Refused(flags: ["--subtensor.max-connect-attempts", "0"]));
        Assert.Equal("flag --subtensor.max-connect-attempts: error: subtensor.max-connect-attempts: 0 is out of range: expected an integer in [1, 100]",
            diagnostic.ToString());
    }

    [Fact]
    public void A_zero_size_is_refused()
    {
        var diagnostic = Assert.Single(Refused(flags: ["--miner.generation.self-scoring.max-response", "0B"]));
        Assert.Equal("miner.generation.self-scoring.max-response", diagnostic.Key);
        Assert.Equal("0B is out of range: expected a positive size of at most 2GiB", diagnostic.Message);
    }

    [Fact]
    public void An_out_of_range_zstd_level_is_refused()
    {
        var diagnostic = Assert.Single(Refused(flags: ["--miner.splats.spz.compression-level=23"]));
        Assert.Equal("flag --miner.splats.spz.compression-level: error: miner.splats.spz.compression-level: 23 is out of range: expected an integer in [1, 22]",
            diagnostic.ToString());
    }

    [Fact]
    public void A_share_outside_zero_to_one_is_refused()
    {
        var diagnostic = Assert.Single(Refused(flags: ["--miner.gate.max-coverage", "1.5"]));
        Assert.Equal("1.5 is out of range: expected a number in [0, 1]", diagnostic.Message);
    }

    [Fact]
    public void Not_a_number_is_refused_where_a_number_has_a_range()
    {
        var diagnostic = Assert.Single(Refused(flags: ["--miner.cpu-backends.depth-ratio", "NaN"]));
        Assert.Equal("NaN is out of range: expected a number in (0, 4]", diagnostic.Message);
    }

    [Fact]
    public void A_log_level_that_is_not_a_level_is_refused_listing_the_levels()
    {
        var diagnostic = Assert.Single(Refused(flags: ["--logging.level", "loud"]));
        Assert.Equal("'loud' is not a known value: expected one of verbose, debug, information, warning, error, fatal, trace, info, warn", diagnostic.Message);
    }

    [Fact]
    public void An_unknown_enum_word_lists_the_allowed_words()
    {
        var diagnostic = Assert.Single(Refused(flags: ["--miner.persistence.provider", "mongodb"]));
        Assert.Equal("flag --miner.persistence.provider: error: miner.persistence.provider: 'mongodb' is not a known value: expected one of Sqlite, Postgres",
            diagnostic.ToString());
    }

    [Fact]
    public void A_number_is_not_an_enum_word()
    {
        var diagnostic = Assert.Single(Refused(flags: ["--miner.persistence.provider", "7"]));
        Assert.Equal("'7' is not a known value: expected one of Sqlite, Postgres", diagnostic.Message);
    }

    [Fact]
    public void A_minimum_above_its_maximum_is_refused_naming_both_settings()
    {
        var diagnostic = Assert.Single(Refused(flags: ["--miner.mining.blacklist.period", "2d"]));
        Assert.Equal("miner.mining.blacklist.max-period", diagnostic.Key);
        Assert.Equal("1d is shorter than period (2d)", diagnostic.Message);
    }

    [Fact]
    public void A_timeout_shorter_than_what_it_must_contain_is_refused()
    {
        var diagnostic = Assert.Single(Refused(flags: ["--miner.mining.target-time", "20m"]));
        Assert.Equal("miner.mining.gpu-result-timeout", diagnostic.Key);
        Assert.Equal("10m must exceed target-time (20m): a card would lose every task", diagnostic.Message);
    }

    [Theory]
    [InlineData("env")]
    [InlineData("flag")]
    public void The_same_value_from_the_environment_or_a_flag_names_that_origin(string source)
    {
        var diagnostic = source == "env"
            ? Assert.Single(Refused(env: new() { ["MINER_AXON__PORT"] = "70000" }))
            : Assert.Single(Refused(flags: ["--axon.port", "70000"]));
        var origin = source == "env" ? "env MINER_AXON__PORT" : "flag --axon.port";
        Assert.Equal($"{origin}: error: axon.port: 70000 is out of range: expected an integer in [0, 65535]", diagnostic.ToString());
    }

    [Fact]
    public void A_list_element_out_of_range_is_refused_naming_its_index()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("x.conf", "miner.mining.blacklist.uids = [180, -1]\n");
        var diagnostic = Assert.Single(Refused(operatorFile: file));
        Assert.Equal($"{file}:1: error: miner.mining.blacklist.uids.1: -1 is out of range: expected an integer in [0, 65535]", diagnostic.ToString());
    }

    [Fact]
    public void Every_problem_of_every_section_is_listed_at_once()
    {
        var diagnostics = Refused(flags: ["--logging.dead-letters.log-first", "-1", "--miner.generation.prefetch=-1", "--miner.generation.backoff-min=1m"]);
        Assert.Equal(new[] { "logging.dead-letters.log-first", "miner.generation.prefetch", "miner.generation.backoff-min" }, diagnostics.Select(d => d.Key));
    }

    [Fact]
    public void A_value_at_the_edge_of_its_range_is_accepted()
    {
        var settings = Load(flags: ["--miner.splats.spz.compression-level", "22", "--miner.gate.max-coverage", "1", "--axon.port", "0"]);
        Assert.Equal((22, 1.0, 0), (settings.Splats.Spz.CompressionLevel, settings.Gate.MaxCoverage, settings.Axon.Port));
    }

    [Fact]
    public void Options_built_in_code_out_of_range_are_refused_by_the_component_with_the_same_words()
    {
        var error = Assert.Throws<ArgumentException>(() => new DendriteOptions { PullTimeout = TimeSpan.FromSeconds(-1) }.Validate());
        Assert.Equal("miner.dendrite.pull-timeout: -1s is out of range: expected a positive duration of at most 10m", error.Message);
    }
}
