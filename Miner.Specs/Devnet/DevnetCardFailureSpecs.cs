using Miner.Actors.Generation;
using Miner.Host.Cli;
using Miner.Host.Commands.Devnet;
using Miner.Host.Configuration;
using Miner.Host.Devnet;
using Miner.Models.Generation;
using Miner.Specs.Configuration;

namespace Miner.Specs.Devnet;

/// <summary>A card that cannot start ends `miner devnet` at once with its reason, instead of an idle run.</summary>
public sealed class DevnetCardFailureSpecs
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Fact]
    public async Task A_card_whose_backends_refuse_their_settings_stops_the_devnet_with_one_line_and_exit_1()
    {
        // Settings that passed the load, then made unusable: what a card meets if something slips past the checks.
        var (exit, line) = await RunAsync(Loaded(cpu: new CpuBackendOptions { GaussianBudget = 10 }));
        Assert.Equal(ExitCodes.Failed, exit);
        Assert.StartsWith("devnet stopped: gpu-0: miner.cpu-backends.gaussian-budget: 10 is out of range", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_whose_actor_fails_to_start_stops_the_devnet_with_one_line_and_exit_1()
    {
        var (exit, line) = await RunAsync(Loaded(generation: new GenerationOptions { UnhealthyAfterFailures = 0 }));
        Assert.Equal(ExitCodes.Failed, exit);
        Assert.StartsWith("devnet stopped: gpu-0: miner.generation.unhealthy-after-failures: 0 is out of range", line, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Line)> RunAsync(MinerSettings miner)
    {
        using var folder = new TempDirectory();
        var devnet = DevnetConfiguration.Load(DevnetOptions.DefaultsPath, null, NoEnvironment, ["--devnet.validators", "1"]);
        var stderr = new StringWriter();
        // Well inside the command's own 30 s wait for the cards: the failure must end the run, not the wait.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(25));
        var exit = await DevnetCommand.RunAsync(devnet, miner, tasks: 1, validators: null, gpus: 1, seed: null, folder.Path,
            DevnetOutputMode.SettledLines, new StringWriter(), stderr, stop.Token);
        Assert.False(stop.IsCancellationRequested, "the run waited for a card that never started");
        return (exit, Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    /// <summary>The shipped settings, with the given sections replaced after the load checked them.</summary>
    private static MinerSettings Loaded(CpuBackendOptions? cpu = null, GenerationOptions? generation = null)
    {
        var settings = MinerSettings.Bind(MinerConfiguration.Build(MinerConfiguration.DefaultsPath, null, NoEnvironment, Array.Empty<string>()));
        return new MinerSettings
        {
            Home = settings.Home,
            Logging = settings.Logging,
            Akka = global::Akka.Configuration.Config.Empty,
            Wallet = settings.Wallet,
            Subtensor = settings.Subtensor,
            Axon = settings.Axon,
            Metagraph = settings.Metagraph,
            Dendrite = settings.Dendrite,
            Splats = settings.Splats,
            Persistence = settings.Persistence,
            Gate = settings.Gate,
            Generation = generation ?? settings.Generation,
            Mining = settings.Mining,
            CpuBackends = cpu ?? settings.CpuBackends,
        };
    }
}
