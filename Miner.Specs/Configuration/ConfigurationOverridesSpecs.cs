using Miner.Host.Configuration;

namespace Miner.Specs.Configuration;

public sealed class ConfigurationOverridesSpecs
{
    [Fact]
    public void Space_and_equals_forms_both_set_a_value()
    {
        var overrides = ConfigurationOverrides.Parse(["--wallet.name", "miner1", "--subtensor.network=finney", "--netuid", "17"]);
        Assert.True(overrides.IsValid);
        Assert.Equal(
            [("wallet:name", "miner1"), ("subtensor:network", "finney"), ("netuid", "17")],
            overrides.Values.Select(v => (v.Key, v.Value)));
    }

    [Fact]
    public void A_flag_alone_or_followed_by_another_flag_means_true()
    {
        var overrides = ConfigurationOverrides.Parse(["--logging.debug", "--logging.trace"]);
        Assert.All(overrides.Values, v => Assert.Equal("true", v.Value));
        Assert.Equal(2, overrides.Values.Count);
    }

    [Fact]
    public void Kebab_case_flags_are_normalised_like_every_other_source() =>
        Assert.Equal("validators:minstake", ConfigurationOverrides.Parse(["--validators.min-stake=1"]).Values[0].Key);

    [Fact]
    public void A_negative_number_is_a_value_not_a_flag() =>
        Assert.Equal("-5", ConfigurationOverrides.Parse(["--logging.level", "-5"]).Values[0].Value);

    [Fact]
    public void An_equals_sign_keeps_an_empty_value_and_later_equals_signs() =>
        Assert.Equal(["", "a=b"], ConfigurationOverrides.Parse(["--x=", "--y=a=b"]).Values.Select(v => v.Value));

    [Theory]
    [InlineData("stray"), InlineData("-x"), InlineData("--a..b"), InlineData("--.a"), InlineData("--a:b"), InlineData("--=x")]
    public void Malformed_tokens_are_reported_not_thrown(string token)
    {
        var overrides = ConfigurationOverrides.Parse([token]);
        Assert.False(overrides.IsValid);
        Assert.Contains(token, Assert.Single(overrides.Errors));
    }

    [Fact]
    public void Separate_keeps_commands_positionals_and_host_options_and_takes_the_rest_as_overrides()
    {
        string[] args = ["run", "--config", "my.conf", "--wallet.name", "w", "--logging.debug", "--verbose", "--netuid=17", "--", "--not.a.flag"];
        var overrides = ConfigurationOverrides.Separate(args, name => name is "config" or "verbose", out var remaining);
        Assert.Equal(["run", "--config", "my.conf", "--verbose", "--", "--not.a.flag"], remaining);
        Assert.Equal([("wallet:name", "w"), ("logging:debug", "true"), ("netuid", "17")], overrides.Values.Select(v => (v.Key, v.Value)));
    }

    [Fact]
    public void The_flag_source_names_the_flag_as_its_origin()
    {
        var root = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddCommandLineOverrides(ConfigurationOverrides.Parse(["--validators.min-stake=3"])).Build();
        Assert.Equal("flag --validators.min-stake", ConfigurationOrigin.Find(root, "validators:minstake")!.ToString());
    }
}
