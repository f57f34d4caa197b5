using Akka.Configuration;
using Miner.Host.Cli;
using Miner.Host.Configuration;

namespace Miner.Specs.Configuration;

/// <summary>
/// The <c>akka { }</c> section: parsed by our parser with every layer, rendered into Akka's <see cref="Config"/> by
/// <see cref="AkkaConfigRenderer"/>, passed through by load and `config check` (keys are Akka's, not unknown).
/// </summary>
public sealed class AkkaSectionSpecs
{
    private static Config Render(string? operatorFile = null, Dictionary<string, string?>? env = null, params string[] flags)
    {
        var root = MinerConfiguration.Build(MinerConfiguration.DefaultsPath, operatorFile, env ?? [], flags);
        MinerSettings.Bind(root); // the akka section is known: binding does not refuse it
        return AkkaConfigRenderer.Render(root);
    }

    private static (int Exit, string Out, string Error) Cli(Dictionary<string, string?>? env, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = MinerCli.Run(args, stdout, stderr, env ?? []);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Akka_reads_the_shipped_defaults()
    {
        var config = Render();
        Assert.Equal("INFO", config.GetString("akka.loglevel"));
        Assert.Equal("WARNING", config.GetString("akka.stdout-loglevel"));
        Assert.Equal("local", config.GetString("akka.actor.provider"));
        Assert.Equal(100, config.GetInt("akka.actor.default-dispatcher.throughput"));
        Assert.False(config.GetBoolean("akka.log-dead-letters-during-shutdown", true));
        Assert.Equal(TimeSpan.FromSeconds(30), config.GetTimeSpan("akka.coordinated-shutdown.phases.service-requests-done.timeout"));
        Assert.Equal(TimeSpan.FromSeconds(10), config.GetTimeSpan("akka.coordinated-shutdown.phases.actor-system-terminate.timeout"));
    }

    [Fact]
    public void Nothing_but_the_section_is_rendered_Akka_adds_its_reference_config_itself()
    {
        var config = Render();
        Assert.False(config.HasPath("akka.version"));
        Assert.False(config.HasPath("akka.actor.default-dispatcher.type"));
        Assert.False(config.HasPath("miner"));
    }

    [Fact]
    public void Arrays_hostile_strings_and_a_value_substituted_from_the_miner_section_reach_Akka()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("op.conf", """
            akka {
              loggers = ["Akka.Event.DefaultLogger, Akka", "My.Logger, \"odd\" assembly"]
              extensions = []
              test.text = "say \"hi\" \\ C:\\path ${not.a.substitution} ${?NOR_THIS}\ttab"
              test.nested { deep { deeper.timeout = 250ms } }
              coordinated-shutdown.phases.before-service-unbind.timeout = ${miner.dendrite.pull-timeout}
              actor.serialization-bindings { "System.Object" = json }
            }
            """);
        var config = Render(file);
        Assert.Equal(["Akka.Event.DefaultLogger, Akka", "My.Logger, \"odd\" assembly"], config.GetStringList("akka.loggers"));
        Assert.Equal("say \"hi\" \\ C:\\path ${not.a.substitution} ${?NOR_THIS}\ttab", config.GetString("akka.test.text"));
        Assert.Equal(TimeSpan.FromMilliseconds(250), config.GetTimeSpan("akka.test.nested.deep.deeper.timeout"));
        Assert.Equal(TimeSpan.FromSeconds(12), config.GetTimeSpan("akka.coordinated-shutdown.phases.before-service-unbind.timeout"));
        // A quoted key keeps its dot: one key named System.Object, not a path.
        Assert.Equal("json", config.GetConfig("akka.actor.serialization-bindings").AsEnumerable().Single(e => e.Key == "System.Object").Value.GetString());
    }

    [Fact]
    public void Our_words_and_units_become_ones_Akka_reads()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("op.conf", """
            akka.test {
              on-word = on
              yes-word = yes
              no-word = no
              micro = 1500us
              nano = 2000000ns
              clock = "00:01:30"
              minutes = 5m
              size = 64MiB
              fraction = 1.5KiB
              nothing = null
              number = -2.5e3
            }
            """);
        var config = Render(file);
        Assert.True(config.GetBoolean("akka.test.on-word"));
        Assert.True(config.GetBoolean("akka.test.yes-word"));
        Assert.False(config.GetBoolean("akka.test.no-word", true));
        Assert.Equal(TimeSpan.FromMilliseconds(1.5), config.GetTimeSpan("akka.test.micro"));
        Assert.Equal(TimeSpan.FromMilliseconds(2), config.GetTimeSpan("akka.test.nano"));
        Assert.Equal(TimeSpan.FromSeconds(90), config.GetTimeSpan("akka.test.clock"));
        Assert.Equal(TimeSpan.FromMinutes(5), config.GetTimeSpan("akka.test.minutes"));
        Assert.Equal(64L << 20, config.GetByteSize("akka.test.size"));
        Assert.Equal(1536L, config.GetByteSize("akka.test.fraction"));
        Assert.Equal("-2.5e3", config.GetString("akka.test.number"));
        Assert.Null(config.GetString("akka.test.nothing"));
    }

    [Fact]
    public void A_flag_and_an_environment_variable_reach_the_rendered_config()
    {
        var env = new Dictionary<string, string?> { ["MINER_AKKA__STDOUT_LOGLEVEL"] = "ERROR", ["MINER_AKKA__ACTOR__PROVIDER"] = "cluster" };
        var config = Render(null, env, "--akka.loglevel", "DEBUG", "--akka.coordinated-shutdown.phases.actor-system-terminate.timeout=3s");
        Assert.Equal("DEBUG", config.GetString("akka.loglevel"));
        Assert.Equal("ERROR", config.GetString("akka.stdout-loglevel"));
        Assert.Equal("cluster", config.GetString("akka.actor.provider"));
        Assert.Equal(TimeSpan.FromSeconds(3), config.GetTimeSpan("akka.coordinated-shutdown.phases.actor-system-terminate.timeout"));
    }

    [Fact]
    public void An_override_spelt_another_way_keeps_the_files_spelling_of_the_key()
    {
        var env = new Dictionary<string, string?> { ["MINER_AKKA__STDOUTLOGLEVEL"] = "ERROR" };
        var config = Render(null, env, "--akka.LogLevel", "DEBUG", "--akka.actor.new-setting", "x");
        Assert.Equal("DEBUG", config.GetString("akka.loglevel"));
        Assert.Equal("ERROR", config.GetString("akka.stdout-loglevel"));
        Assert.Equal("x", config.GetString("akka.actor.new-setting"));
        Assert.False(config.HasPath("akka.LogLevel"));
        Assert.False(config.HasPath("akka.stdoutloglevel"));
    }

    [Fact]
    public void Without_an_akka_section_the_config_is_empty()
    {
        var root = MinerConfiguration.Build(null, null, new Dictionary<string, string?>(), Array.Empty<string>());
        Assert.True(AkkaConfigRenderer.Render(root).IsEmpty);
    }

    [Fact]
    public void Config_show_prints_the_section_with_origins_and_show_akka_prints_what_Akka_reads()
    {
        var (exit, output, error) = Cli(null, "config", "show", "--origins", "--akka.loglevel", "DEBUG");
        Assert.True(exit == 0, error);
        Assert.Contains("loglevel = DEBUG  # flag --akka.loglevel", output, StringComparison.Ordinal);
        Assert.Matches(@"stdout-loglevel = WARNING  # .*miner\.conf:\d+", output);

        (exit, output, error) = Cli(null, "config", "show", "--akka", "--akka.loglevel", "DEBUG",
            "--akka.persistence.journal.sql.connection-string", "Host=db;Password=hunter2");
        Assert.True(exit == 0, error);
        Assert.StartsWith("akka {", output, StringComparison.Ordinal);
        Assert.Contains("loglevel = \"DEBUG\"", output, StringComparison.Ordinal);
        Assert.Contains("log-dead-letters-during-shutdown = false", output, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", output, StringComparison.Ordinal);
        Assert.DoesNotContain("miner {", output, StringComparison.Ordinal);
        Assert.Equal("DEBUG", ConfigurationFactory.ParseString(output).GetString("akka.loglevel"));
    }

    [Fact]
    public void Config_check_passes_akka_keys_through_and_warns_where_Akkas_reference_config_has_another_shape()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("op.conf", """
            akka {
              some-plugin.setting = 1
              actor.provider = local
              loglevel { level = DEBUG }
              coordinated-shutdown = 5s
              loggers = []
            }
            akkka.loglevel = DEBUG
            """);
        var diagnostics = new ConfigurationChecker(MinerSettings.Sections).Check(path).Select(d => d.ToString()).ToList();
        Assert.Equal(3, diagnostics.Count);
        Assert.Contains($"{path}:4: warning: akka.loglevel: Akka's reference config has a value here, not an object", diagnostics);
        Assert.Contains($"{path}:5: warning: akka.coordinated-shutdown: Akka's reference config has an object here, not a value", diagnostics);
        Assert.Contains($"{path}:8: error: akkka: unknown key", diagnostics);
    }

    [Fact]
    public void A_load_accepts_any_key_under_akka_and_still_refuses_a_misspelt_section()
    {
        var (exit, _, error) = Cli(null, "config", "show", "--akka.cluster.roles.0", "miner");
        Assert.True(exit == 0, error);
        (exit, _, error) = Cli(null, "config", "show", "--akk.loglevel", "DEBUG");
        Assert.Equal(1, exit);
        Assert.Contains("akk: unknown key", error, StringComparison.Ordinal);
    }
}
