using Microsoft.Extensions.Configuration;
using Miner.Host.Configuration;
using Miner.Models.Configuration.Hocon;

namespace Miner.Specs.Configuration;

public sealed class ConfigurationSourceSpecs
{
    private static IConfigurationRoot FromText(string text) =>
        new ConfigurationBuilder().AddHocon(HoconSpecHelpers.Parse(text)).Build();

    [Fact]
    public void A_hocon_file_flattens_objects_to_colon_separated_keys()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("a.conf", "wallet { name = w, hotkey = h }\nsubtensor.network = finney");
        var root = new ConfigurationBuilder().AddHoconFile(path).Build();
        Assert.Equal("w", root["wallet:name"]);
        Assert.Equal("finney", root["subtensor:network"]);
    }

    [Fact]
    public void Arrays_flatten_to_indexed_keys_and_null_to_a_null_value()
    {
        var root = FromText("list = [a, { x = 1 }]\nnothing = null\nempty = []");
        Assert.Equal("a", root["list:0"]);
        Assert.Equal("1", root["list:1:x"]);
        Assert.Null(root["nothing"]);
        Assert.Contains(root.AsEnumerable(), p => p.Key == "nothing");
        Assert.Contains(root.AsEnumerable(), p => p.Key == "empty");
    }

    [Fact]
    public void Kebab_case_keys_are_normalised_so_they_bind_to_pascal_case()
    {
        var root = FromText("validators.min-stake = 5\nsnake_key = 1");
        Assert.Equal("5", root["validators:minstake"]);
        Assert.Equal("5", root["Validators:MinStake"]);
        Assert.Equal("1", root["snakekey"]);
    }

    [Fact]
    public void Yes_and_on_flatten_to_true_so_they_bind_to_bool() =>
        Assert.Equal("true", FromText("a = yes").GetValue<string>("a"));

    [Fact]
    public void An_optional_missing_file_gives_no_values_and_a_required_one_is_an_error()
    {
        Assert.Empty(new ConfigurationBuilder().AddHoconFile("/nonexistent/x.conf", optional: true).Build().AsEnumerable());
        Assert.Throws<HoconException>(() => new ConfigurationBuilder().AddHoconFile("/nonexistent/x.conf").Build());
    }

    [Fact]
    public void Each_hocon_value_knows_its_key_as_written_and_its_file_and_line()
    {
        var root = FromText("validators {\n  min-stake = 5\n}");
        var origin = ConfigurationOrigin.Find(root, "validators:minstake");
        Assert.NotNull(origin);
        Assert.Equal("validators.min-stake", origin.DottedPath);
        Assert.Equal("test.conf:2", origin.ToString());
    }

    [Fact]
    public void An_environment_variable_with_the_prefix_sets_a_key_with_double_underscores_between_segments()
    {
        var env = new Dictionary<string, string?> { ["MINER_VALIDATORS__MIN_STAKE"] = "7", ["OTHER_X"] = "1", ["MINER_"] = "1", ["MINER_A____B"] = "1" };
        var root = new ConfigurationBuilder().AddEnvironmentOverrides(env).Build();
        Assert.Equal("7", root["validators:minstake"]);
        Assert.Single(root.AsEnumerable(), p => p.Value is not null);
        var origin = ConfigurationOrigin.Find(root, "validators:minstake")!;
        Assert.Equal("validators.min-stake", origin.DottedPath);
        Assert.Equal("env MINER_VALIDATORS__MIN_STAKE", origin.ToString());
    }

    [Fact]
    public void Environment_variables_override_the_files_and_flags_override_both()
    {
        using var dir = new TempDirectory();
        var env = new Dictionary<string, string?> { ["MINER_NETUID"] = "18", ["MINER_WALLET__NAME"] = "from-env" };
        var root = SampleOptions.Build(dir, "wallet.name = from-file\nwallet.hotkey = hk-file", env, "--wallet.name", "from-flag", "--netuid=19");
        Assert.Equal("from-flag", root["wallet:name"]);
        Assert.Equal("hk-file", root["wallet:hotkey"]);
        Assert.Equal("19", root["netuid"]);
        Assert.Equal("finney", root["subtensor:network"]);
    }

    [Fact]
    public void The_operator_file_overrides_the_defaults_and_may_refer_to_them()
    {
        using var dir = new TempDirectory();
        var root = SampleOptions.Build(dir, "generation.label = ${generation.label}\" (tuned)\"\nvalidators.cooldown = 6m");
        Assert.Equal("netuid 17 on finney (tuned)", root["generation:label"]);
        Assert.Equal("6m", root["validators:cooldown"]);
        Assert.Equal("500ms", root["validators:pollinterval"]);
    }

    [Fact]
    public void Files_substitute_from_the_given_environment_not_the_process_one()
    {
        using var dir = new TempDirectory();
        var env = new Dictionary<string, string?> { ["MINER_WALLET_PASSWORD"] = "hunter2" };
        Assert.Equal("hunter2", SampleOptions.Build(dir, env: env)["wallet:password"]);
        Assert.Null(SampleOptions.Build(dir)["wallet:password"]);
    }

    [Fact]
    public void A_parse_error_while_building_is_a_configuration_exception_naming_file_line_and_column()
    {
        using var dir = new TempDirectory();
        var error = Assert.Throws<ConfigurationException>(() => SampleOptions.Build(dir, "a = [1,\n"));
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.EndsWith("operator.conf:2:1", diagnostic.Location);
        Assert.Contains("expected ']'", diagnostic.Message);
    }

    [Fact]
    public void A_malformed_flag_while_building_is_a_configuration_exception()
    {
        using var dir = new TempDirectory();
        var error = Assert.Throws<ConfigurationException>(() => SampleOptions.Build(dir, null, null, "--wallet..name", "x"));
        Assert.Contains("empty key segment", Assert.Single(error.Diagnostics).Message);
    }
}
