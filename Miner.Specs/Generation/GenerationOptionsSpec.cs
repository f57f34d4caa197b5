using Miner.Actors.Generation;
using Miner.Host.Configuration;

namespace Miner.Specs.Generation;

/// <summary>The <c>miner.generation</c> settings: shipped defaults, refusal of unusable values, the backoff curve.</summary>
public sealed class GenerationOptionsSpec
{
    private static MinerSettings Bind(params string[] flags) =>
        MinerSettings.Bind(MinerConfiguration.Build(MinerConfiguration.DefaultsPath, null, new Dictionary<string, string?>(), flags));

    [Fact]
    public void The_shipped_configuration_documents_the_same_defaults_as_the_code()
    {
        var bound = Bind().Generation;
        var code = new GenerationOptions();
        foreach (var property in typeof(GenerationOptions).GetProperties().Where(p => p.Name is not (nameof(GenerationOptions.Gpus) or nameof(GenerationOptions.SelfScoring))))
            Assert.True(Equals(property.GetValue(code), property.GetValue(bound)), $"{property.Name}: code {property.GetValue(code)}, miner.conf {property.GetValue(bound)}");
        Assert.Empty(bound.Gpus);
        foreach (var property in typeof(SelfScoringSettings).GetProperties())
            Assert.True(Equals(property.GetValue(code.SelfScoring), property.GetValue(bound.SelfScoring)),
                $"self-scoring.{property.Name}: code {property.GetValue(code.SelfScoring)}, miner.conf {property.GetValue(bound.SelfScoring)}");
    }

    [Fact]
    public void A_flag_overrides_a_generation_setting()
    {
        Assert.Equal(TimeSpan.FromSeconds(90), Bind("--miner.generation.trellis-timeout", "90s").Generation.TrellisTimeout);
    }

    [Fact]
    public void An_unusable_value_is_refused_naming_its_key()
    {
        var error = Assert.Throws<ConfigurationException>(() => Bind("--miner.generation.prefetch=-1", "--miner.generation.backoff-min=1m"));
        Assert.Equal(new[] { "miner.generation.prefetch", "miner.generation.backoff-min" }, error.Diagnostics.Select(d => d.Key));
        Assert.Contains("between 0 and backoff-max", error.Diagnostics[1].Message);
    }

    [Fact]
    public void The_stage_backoff_doubles_from_the_minimum_up_to_the_maximum()
    {
        var options = new GenerationOptions { BackoffMin = TimeSpan.FromSeconds(1), BackoffMax = TimeSpan.FromSeconds(10) };
        Assert.Equal(new[] { 1.0, 2.0, 4.0, 8.0, 10.0, 10.0 }, Enumerable.Range(0, 6).Select(n => options.BackoffFor(n).TotalSeconds));
    }

    [Fact]
    public void A_card_refuses_to_start_with_unusable_settings()
    {
        var error = Assert.Throws<ArgumentException>(() => new GenerationOptions { UnhealthyAfterFailures = 0, MaxNonFiniteShare = 2 }.Validate());
        Assert.Contains("unhealthy-after-failures: 0 is out of range", error.Message);
        Assert.Contains("max-non-finite-share", error.Message);
    }
}
