using System.ComponentModel;
using Microsoft.Extensions.Configuration;
using Miner.Host.Configuration;
using Miner.Models.Configuration;

namespace Miner.Specs.Configuration;

public sealed class ConfigurationBindingSpecs
{
    private static IConfigurationRoot FromText(string text) =>
        new ConfigurationBuilder().AddHocon(HoconSpecHelpers.Parse(text)).Build();

    [Fact]
    public void ConfigurationBinder_honours_a_TimeSpan_converter_registered_through_TypeDescriptor()
    {
        ConfigurationConverters.Register();
        ConfigurationConverters.Register(); // idempotent
        var root = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["t"] = "10s" }).Build();
        Assert.Equal(TimeSpan.FromSeconds(10), root.GetValue<TimeSpan>("t"));
        Assert.IsType<DurationTypeConverter>(TypeDescriptor.GetConverter(typeof(TimeSpan)));
    }

    [Theory]
    [InlineData("yes", true), InlineData("On", true), InlineData("no", false), InlineData("off", false), InlineData("TRUE", true)]
    public void Boolean_words_from_the_environment_bind_like_those_in_files(string word, bool expected)
    {
        var env = new Dictionary<string, string?> { ["MINER_LOGGING__DEBUG"] = word };
        var root = new ConfigurationBuilder().AddEnvironmentOverrides(env).Build();
        Assert.Equal(expected, ConfigurationBinding.Bind<SampleLoggingOptions>(root, "logging").Debug);
    }

    [Fact]
    public void A_word_that_is_not_a_boolean_is_an_error_naming_the_flag()
    {
        var root = new ConfigurationBuilder().AddCommandLineOverrides(ConfigurationOverrides.Parse(["--logging.debug", "maybe"])).Build();
        var diagnostic = Assert.Single(Assert.Throws<ConfigurationException>(() => ConfigurationBinding.Bind<SampleLoggingOptions>(root, "logging")).Diagnostics);
        Assert.Equal("flag --logging.debug: error: logging.debug: expected true or false: 'maybe' is not a boolean (use true/false, yes/no or on/off)", diagnostic.ToString());
    }

    [Fact]
    public void The_sample_configuration_binds_durations_sizes_lists_and_booleans()
    {
        using var dir = new TempDirectory();
        var root = SampleOptions.Build(dir);
        var validators = ConfigurationBinding.Bind<SampleValidatorOptions>(root, "validators");
        var generation = ConfigurationBinding.Bind<SampleGenerationOptions>(root, "generation");
        var logging = ConfigurationBinding.Bind<SampleLoggingOptions>(root, "logging");

        Assert.Equal(1000.5, validators.MinStake);
        Assert.Equal(TimeSpan.FromMilliseconds(500), validators.PollInterval);
        Assert.Equal(TimeSpan.FromMinutes(5), validators.Cooldown);
        Assert.Equal(["5F3sa2TJ", "5DAAnrj7"], validators.Blacklist);
        Assert.False(validators.AllowPrivate);
        Assert.Equal(TimeSpan.FromSeconds(30), generation.Timeout);
        Assert.Equal(new ByteSize(64L << 20), generation.MaxUpload);
        Assert.Equal(["image", "mask", "trellis", "ply"], generation.Stages);
        Assert.Equal(-1, logging.Level);
        Assert.Null(logging.File);
    }

    [Fact]
    public void A_duration_binds_from_the_timespan_form_too()
    {
        var options = ConfigurationBinding.Bind<SampleValidatorOptions>(FromText("v { cooldown = \"00:00:10\", grace = 1.5h }"), "v");
        Assert.Equal(TimeSpan.FromSeconds(10), options.Cooldown);
        Assert.Equal(TimeSpan.FromMinutes(90), options.Grace);
    }

    [Fact]
    public void A_bare_number_bound_to_a_duration_is_an_error_naming_the_key_and_line()
    {
        var error = Assert.Throws<ConfigurationException>(() =>
            ConfigurationBinding.Bind<SampleValidatorOptions>(FromText("validators {\n  poll-interval = 10\n}"), "validators"));
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("validators.poll-interval", diagnostic.Key);
        Assert.Equal("test.conf:2", diagnostic.Location);
        Assert.Contains("bare number is ambiguous", diagnostic.Message);
        Assert.StartsWith("test.conf:2: error: validators.poll-interval: expected a duration", diagnostic.ToString());
    }

    [Fact]
    public void A_wrong_size_is_an_error_naming_the_key() =>
        Assert.Equal("generation.max-upload", Assert.Single(Assert.Throws<ConfigurationException>(() =>
            ConfigurationBinding.Bind<SampleGenerationOptions>(FromText("generation.max-upload = 64 parsecs"), "generation")).Diagnostics).Key);

    [Fact]
    public void An_unknown_key_is_an_error_naming_it_as_written_with_its_file_and_line()
    {
        var error = Assert.Throws<ConfigurationException>(() =>
            ConfigurationBinding.Bind<SampleValidatorOptions>(FromText("validators {\n  min-stake = 1\n  min-stak = 2\n}"), "validators"));
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("test.conf:3: error: validators.min-stak: unknown key", diagnostic.ToString());
    }

    [Fact]
    public void An_unknown_object_is_reported_once_as_a_section()
    {
        var error = Assert.Throws<ConfigurationException>(() =>
            ConfigurationBinding.Bind<SampleWalletOptions>(FromText("wallet { extra { a = 1, b = 2 } }"), "wallet"));
        Assert.Equal("wallet.extra", Assert.Single(error.Diagnostics).Key);
    }

    [Fact]
    public void A_type_error_from_an_environment_variable_names_the_variable()
    {
        var env = new Dictionary<string, string?> { ["MINER_VALIDATORS__MIN_STAKE"] = "lots" };
        var root = new ConfigurationBuilder().AddEnvironmentOverrides(env).Build();
        var diagnostic = Assert.Single(Assert.Throws<ConfigurationException>(() =>
            ConfigurationBinding.Bind<SampleValidatorOptions>(root, "validators")).Diagnostics);
        Assert.Equal("validators.min-stake", diagnostic.Key);
        Assert.Equal("env MINER_VALIDATORS__MIN_STAKE", diagnostic.Location);
    }

    [Fact]
    public void An_unknown_key_from_the_environment_is_only_a_warning()
    {
        var env = new Dictionary<string, string?> { ["MINER_WALLET__COLOUR"] = "blue", ["MINER_WALLET__NAME"] = "w" };
        var root = new ConfigurationBuilder().AddEnvironmentOverrides(env).Build();
        var warnings = new List<ConfigurationDiagnostic>();
        var wallet = ConfigurationBinding.Bind<SampleWalletOptions>(root, "wallet", warnings);
        Assert.Equal("w", wallet.Name);
        Assert.Equal("env MINER_WALLET__COLOUR: warning: wallet.colour: unknown key", Assert.Single(warnings).ToString());
    }

    [Fact]
    public void A_flag_overrides_a_duration_and_a_bad_flag_value_names_the_flag()
    {
        using var dir = new TempDirectory();
        var good = SampleOptions.Build(dir, null, null, "--validators.poll-interval", "2s");
        Assert.Equal(TimeSpan.FromSeconds(2), ConfigurationBinding.Bind<SampleValidatorOptions>(good, "validators").PollInterval);
        var bad = SampleOptions.Build(dir, null, null, "--validators.poll-interval=2");
        var diagnostic = Assert.Single(Assert.Throws<ConfigurationException>(() =>
            ConfigurationBinding.Bind<SampleValidatorOptions>(bad, "validators")).Diagnostics);
        Assert.Equal("flag --validators.poll-interval", diagnostic.Location);
    }

    [Fact]
    public void An_object_where_a_value_is_expected_is_an_error() =>
        Assert.Contains("found an object", Assert.Throws<ConfigurationException>(() =>
            ConfigurationBinding.Bind<SampleWalletOptions>(FromText("wallet.name { a = 1 }"), "wallet")).Message);

    [Fact]
    public void A_type_error_under_a_secret_key_does_not_echo_the_value()
    {
        var error = Assert.Throws<ConfigurationException>(() =>
            ConfigurationBinding.Bind<SecretHolder>(FromText("s { api-token = hunter2 }"), "s"));
        Assert.DoesNotContain("hunter2", error.Message);
    }

    public sealed class SecretHolder
    {
        public int ApiToken { get; set; }
    }
}
