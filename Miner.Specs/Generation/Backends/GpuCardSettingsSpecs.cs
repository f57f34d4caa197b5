using Miner.Actors.Generation;
using Miner.Host.Configuration;
using Miner.Host.Generation;
using Miner.Models.Generation;
using Miner.Models.Validation;
using Miner.Specs.Configuration;

namespace Miner.Specs.Generation.Backends;

/// <summary>
/// <c>miner.generation.gpus</c> and <c>self-scoring</c>: the shipped examples bind and build their cards; settings
/// that cannot work are refused naming the key; fallbacks and the gate chain come out as configured.
/// </summary>
public sealed class GpuCardSettingsSpecs
{
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "hocon", "examples", name);

    private static MinerSettings Bind(string? file, params string[] flags) =>
        MinerSettings.Bind(MinerConfiguration.Build(MinerConfiguration.DefaultsPath, file, new Dictionary<string, string?>(), flags));

    private static MinerSettings BindText(string hocon, params string[] flags)
    {
        using var dir = new TempDirectory();
        return Bind(dir.Write("operator.conf", hocon), flags);
    }

    private static ConfigurationException Refused(string hocon) => Assert.Throws<ConfigurationException>(() => BindText(hocon));

    [Fact]
    public void The_seed_layout_example_builds_two_cards_of_http_services()
    {
        var gpus = ConfiguredGpus.From(Bind(Example("seed-layout.conf")), Http);
        Assert.Equal(new[] { "gpu-0", "gpu-1" }, gpus.Names);
        foreach (var card in gpus.Cards)
        {
            Assert.IsType<HttpTextToImageBackend>(card.Backends.TextToImage);
            Assert.IsType<HttpBackgroundRemovalBackend>(card.Backends.BackgroundRemoval);
            Assert.IsType<HttpImageTo3DBackend>(card.Backends.ImageTo3D);
        }
        Assert.Contains("http://127.0.0.1:8194", gpus["gpu-1"].Backends.ImageTo3D!.Name);
        Assert.IsType<SelfScoringGate>(gpus.Gate);
    }

    [Fact]
    public void The_seed_layout_example_starts_card_ones_trellis_worker_on_device_one()
    {
        var gpus = ConfiguredGpus.From(Bind(Example("seed-layout.conf")), Http);
        Assert.Null(gpus["gpu-0"].Workers);
        var workers = gpus["gpu-1"].Workers!;
        Assert.Equal(1, workers.Device);
        var worker = Assert.Single(workers.Processes);
        Assert.Equal("image-to-3d", worker.Backend);
        Assert.Equal("python", worker.Options.Command);
        Assert.Equal(new[] { "trellis_service.py", "--port", "8194" }, worker.Options.Arguments);
        Assert.Equal(new Uri("http://127.0.0.1:8194/health"), worker.Options.HealthUrl);
        Assert.Equal("/opt/models", worker.Options.Environment["HF_HOME"]);
        Assert.Equal(TimeSpan.FromMinutes(10), worker.Options.StartTimeout);
    }

    [Fact]
    public void The_monolithic_example_builds_cards_that_use_their_generate_endpoints_in_turn()
    {
        var gpus = ConfiguredGpus.From(Bind(Example("monolithic.conf")), Http);
        Assert.Equal(2, gpus.Cards.Count);
        foreach (var card in gpus.Cards)
        {
            Assert.True(card.Backends.IsMonolithic);
            Assert.IsType<RotatingPromptTo3DBackend>(card.Backends.PromptTo3D);
            Assert.StartsWith("2 endpoints in turn", card.Backends.PromptTo3D!.Name);
        }
        Assert.IsType<SelfValidationGate>(gpus.Gate);
    }

    [Fact]
    public void The_shipped_defaults_configure_no_card_and_no_self_scoring()
    {
        var gpus = ConfiguredGpus.From(Bind(null), Http);
        Assert.Empty(gpus.Cards);
        Assert.IsType<SelfValidationGate>(gpus.Gate);
    }

    [Fact]
    public void A_cpu_fallback_is_used_only_where_asked_and_labelled_as_a_fallback()
    {
        var settings = BindText("""
            miner.generation.gpus = [ { background-removal { cpu-fallback = on }, image-to-3d { url = "http://127.0.0.1:8094" } } ]
            """);
        var card = ConfiguredGpus.From(settings, Http).Cards[0];
        Assert.True(card.Backends.BackgroundRemoval!.IsFallback);
        Assert.False(card.Backends.ImageTo3D!.IsFallback);
        Assert.Contains("(fallback)", card.Backends.ToString());
        Assert.Null(card.Backends.TextToImage);
    }

    [Fact]
    public void A_service_without_a_timeout_gets_its_stage_timeout()
    {
        var settings = BindText("""
            miner.generation { trellis-timeout = 70s, gpus = [ { generate { url = "http://127.0.0.1:8093" } } ] }
            """);
        Assert.Equal(TimeSpan.FromSeconds(70), settings.Generation.TrellisTimeout);
        Assert.IsType<GenerateEndpointBackend>(ConfiguredGpus.From(settings, Http).Cards[0].Backends.PromptTo3D);
    }

    [Fact]
    public void A_card_without_an_image_to_3d_service_is_refused_naming_the_key_and_the_file()
    {
        var error = Refused("""
            miner.generation.gpus = [ { name = a, background-removal { url = "http://127.0.0.1:1" }, image-to-3d { url = "http://127.0.0.1:2" } }
                                      { name = b, background-removal { url = "http://127.0.0.1:3" } } ]
            """);
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("miner.generation.gpus.1.image-to-3d", diagnostic.Key);
        Assert.Contains("operator.conf", diagnostic.Location);
    }

    [Fact]
    public void A_text_to_image_cpu_fallback_is_refused_since_none_exists()
    {
        var error = Refused("""
            miner.generation.gpus = [ { text-to-image { cpu-fallback = on }, background-removal { cpu-fallback = on }, image-to-3d { cpu-fallback = on } } ]
            """);
        Assert.Contains(error.Diagnostics, d => d.Key == "miner.generation.gpus.0.text-to-image.cpu-fallback" && d.Message.Contains("no CPU fallback"));
    }

    [Fact]
    public void Both_layouts_on_one_card_are_refused()
    {
        var error = Refused("""
            miner.generation.gpus = [ { generate { url = "http://127.0.0.1:1" }, image-to-3d { url = "http://127.0.0.1:2" } } ]
            """);
        Assert.Contains(error.Diagnostics, d => d.Key == "miner.generation.gpus.0.generate" && d.Message.Contains("excludes"));
    }

    [Fact]
    public void A_url_that_is_not_http_is_refused_naming_the_endpoint()
    {
        var error = Refused("""
            miner.generation.gpus = [ { generate { urls = ["http://127.0.0.1:1", "ftp://127.0.0.1:2"] } } ]
            """);
        Assert.Equal("miner.generation.gpus.0.generate.urls.1", Assert.Single(error.Diagnostics).Key);
    }

    [Fact]
    public void A_worker_process_without_a_command_or_with_a_malformed_variable_is_refused()
    {
        var error = Refused("""
            miner.generation.gpus = [ { background-removal { cpu-fallback = on }
                                        image-to-3d { url = "http://127.0.0.1:2", process { environment = ["HF_HOME=/m", "=oops"] } } } ]
            """);
        Assert.Equal(new[] { "miner.generation.gpus.0.image-to-3d.process.command", "miner.generation.gpus.0.image-to-3d.process.environment.1" },
            error.Diagnostics.Select(d => d.Key));
    }

    [Fact]
    public void Two_cards_with_one_name_are_refused()
    {
        var error = Refused("""
            miner.generation.gpus = [ { name = x, generate { url = "http://127.0.0.1:1" } }, { name = x, generate { url = "http://127.0.0.1:2" } } ]
            """);
        Assert.Equal("miner.generation.gpus.1.name", Assert.Single(error.Diagnostics).Key);
    }

    [Fact]
    public void A_self_scoring_timeout_that_does_not_fit_the_ply_stage_is_refused()
    {
        var error = Refused("""
            miner.generation { ply-write-timeout = 20s, self-scoring { url = "http://127.0.0.1:10006", timeout = 30s } }
            """);
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("miner.generation.self-scoring.timeout", diagnostic.Key);
        Assert.Contains("ply-write-timeout", diagnostic.Message);
    }

    [Fact]
    public void A_self_scoring_threshold_outside_zero_to_one_is_refused()
    {
        var error = Refused("miner.generation.self-scoring.threshold = 1.5");
        Assert.Equal("miner.generation.self-scoring.threshold", Assert.Single(error.Diagnostics).Key);
    }

    [Fact]
    public void A_flag_can_turn_self_scoring_on()
    {
        var settings = Bind(null, "--miner.generation.self-scoring.url", "http://127.0.0.1:10006", "--miner.generation.self-scoring.margin", "0.1");
        Assert.IsType<SelfScoringGate>(ConfiguredGpus.From(settings, Http).Gate);
        Assert.Equal(0.7, settings.Generation.SelfScoring.ToGateOptions().PassMark, 9);
    }

    [Fact]
    public void A_card_whose_device_nvidia_smi_does_not_list_is_reported_missing()
    {
        var gpus = ConfiguredGpus.From(Bind(Example("seed-layout.conf")), Http);
        var (lines, missing) = gpus.DeviceReport([new GpuCard(0, "NVIDIA H200", 143771, 1024)]);
        Assert.True(missing);
        Assert.Equal("gpu-0: device 0 is NVIDIA H200, 1024 of 143771 MiB used", lines[0]);
        Assert.Contains("device 1 is not among", lines[1]);
    }

    [Fact]
    public void No_card_found_by_nvidia_smi_is_not_an_error()
    {
        var gpus = ConfiguredGpus.From(Bind(Example("seed-layout.conf")), Http);
        var (lines, missing) = gpus.DeviceReport([]);
        Assert.False(missing);
        Assert.Contains("normal on a CPU machine", Assert.Single(lines));
    }
}
