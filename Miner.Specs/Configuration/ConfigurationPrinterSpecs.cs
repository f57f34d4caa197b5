using Microsoft.Extensions.Configuration;
using Miner.Host.Configuration;
using Miner.Models.Configuration.Hocon;

namespace Miner.Specs.Configuration;

public sealed class ConfigurationPrinterSpecs
{
    private static IConfigurationRoot FromText(string text) =>
        new ConfigurationBuilder().AddHocon(HoconSpecHelpers.Parse(text)).Build();

    [Fact]
    public void The_printout_groups_keys_by_object_and_keeps_their_written_spelling()
    {
        var text = new ConfigurationPrinter().Render(FromText("validators { min-stake = 5, cooldown = 5m }\nnetuid = 17"));
        Assert.Equal("netuid = 17\nvalidators {\n  cooldown = 5m\n  min-stake = 5\n}\n", text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_printout_is_hocon_that_parses_back_to_the_same_values()
    {
        using var dir = new TempDirectory();
        var root = SampleOptions.Build(dir);
        var printed = new ConfigurationPrinter(showOrigins: true).Render(root);
        var reparsed = new ConfigurationBuilder().AddHocon(HoconParser.ParseText(printed, "printed", HoconSpecHelpers.Options())).Build();
        foreach (var (key, value) in root.AsEnumerable().Where(p => p.Value is not null))
            Assert.Equal(value, reparsed[key]);
    }

    [Theory]
    [InlineData("wallet.password"), InlineData("admin.api-key"), InlineData("x.apikey"), InlineData("chain.private-key")]
    [InlineData("wallet.seed"), InlineData("wallet.mnemonic"), InlineData("auth.token"), InlineData("auth.client_secret")]
    [InlineData("db.passwords.0")]
    public void Secret_looking_keys_are_masked(string key)
    {
        var text = new ConfigurationPrinter().Render(FromText($"{key} = hunter2"));
        Assert.DoesNotContain("hunter2", text);
        Assert.Contains("\"****\"", text);
    }

    [Theory]
    [InlineData("generation.seeds-per-prompt"), InlineData("wallet.name"), InlineData("validators.token-bucket-size")]
    public void Ordinary_keys_are_not_masked(string key) =>
        Assert.Contains("hunter2", new ConfigurationPrinter().Render(FromText($"{key} = hunter2")));

    [Fact]
    public void The_password_part_of_a_connection_string_or_url_is_masked()
    {
        var text = new ConfigurationPrinter().Render(FromText(
            "db.connection = \"Host=pg;Username=miner;Password=hunter2;Database=journal\"\ndb.url = \"postgres://miner:hunter2@pg:5432/journal\""));
        Assert.DoesNotContain("hunter2", text);
        Assert.Contains("Password=****;Database=journal", text);
        Assert.Contains("postgres://miner:****@pg:5432/journal", text);
    }

    [Fact]
    public void Origins_annotate_values_with_file_line_env_or_flag()
    {
        using var dir = new TempDirectory();
        var env = new Dictionary<string, string?> { ["MINER_WALLET__HOTKEY"] = "hk" };
        var text = new ConfigurationPrinter(showOrigins: true).Render(SampleOptions.Build(dir, null, env, "--wallet.name", "w"));
        Assert.Contains("name = w  # flag --wallet.name", text);
        Assert.Contains("hotkey = hk  # env MINER_WALLET__HOTKEY", text);
        Assert.Matches(@"netuid = 17  # .*miner\.conf:2", text);
    }

    [Fact]
    public void Lists_print_as_arrays_and_strings_that_need_it_are_quoted()
    {
        var text = new ConfigurationPrinter().Render(FromText("a = [x, \"y z\", \"yes\"]\nb = \"line\\none\"\nc = null"));
        Assert.Contains("a = [x, \"y z\", \"yes\"]", text);
        Assert.Contains("b = \"line\\none\"", text);
        Assert.Contains("c = null", text);
    }

    [Fact]
    public void Run_writes_to_the_writer_and_returns_zero()
    {
        var writer = new StringWriter();
        Assert.Equal(0, new ConfigurationPrinter().Run(FromText("a = 1"), writer));
        Assert.Equal("a = 1", writer.ToString().Trim());
    }
}
