using Miner.Host.Commands.Run;
using Miner.Host.Configuration;
using Miner.Host.Devnet;
using Miner.Models.Bittensor.Keys;
using Miner.Specs.Bittensor;
using Miner.Specs.EndToEnd;
using Miner.Specs.TestKit;

namespace Miner.Specs.Run;

/// <summary>
/// `miner run` end to end: the metagraph from a loopback subtensor lists a devnet validator (loopback axons allowed, as
/// on a local chain), and the run pulls from it with the wallet's hotkey, submits, and reports it in the summary.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class RunAgainstDevnetValidatorSpecs : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(1);
    private static readonly Dictionary<string, string?> NoEnvironment = [];
    private readonly TempWallet _wallet = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("miner-run-devnet-").FullName;

    public void Dispose()
    {
        _wallet.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_run_pulls_from_a_validator_listed_on_chain_and_submits_with_the_wallet_hotkey()
    {
        var hotkey = new Wallet(_wallet.Location).CreateHotkey();
        var devnet = DevnetConfiguration.Load(DevnetOptions.DefaultsPath, null, NoEnvironment, []);
        devnet.Validators = 1;
        devnet.Behaviours.RemoveAll(b => b.Uid >= 1);
        devnet.MetagraphFile = Path.Combine(_folder, "metagraph.json");
        await using var network = await DevnetNetwork.StartAsync(devnet);
        network.RegisterMiner(hotkey.Ss58Address);
        var validator = network.Validators[0];
        Assert.True(Ss58.TryDecode(validator.Validator.Hotkey, out var validatorKey));
        await using var node = await FakeSubtensorNode.StartAsync(new FakeSubnet(17, 100, [
            new FakeNeuron(hotkey.Keypair.PublicKey, 0, 0, 0),
            new FakeNeuron(validatorKey, 0x7F000001, (ushort)validator.Target.Port, 10_000 * 1_000_000_000UL),
        ]).Reply);
        var settings = MinerSettings.Bind(MinerConfiguration.Build(MinerConfiguration.DefaultsPath, null, NoEnvironment,
        [
            "--logging.console.enabled=false", "--logging.file.enabled=false",
            $"--wallet.path={_wallet.Root}", $"--wallet.name={_wallet.Location.Name}", $"--wallet.hotkey={_wallet.Location.Hotkey}",
            $"--subtensor.chain-endpoint={node.Url}", "--miner.metagraph.allow-loopback-axons=true",
            $"--miner.home={_folder}", $"--miner.persistence.sqlite-path={Path.Combine(_folder, "journal.db")}",
            "--miner.cpu-backends.gaussian-budget=20000", "--miner.admin.port=0",
        ]));
        settings.Generation.Gpus.Add(new() { BackgroundRemoval = new() { CpuFallback = true }, ImageTo3D = new() { CpuFallback = true } });
        using var stop = new CancellationTokenSource();
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var run = RunCommand.RunAsync(new RunRequest(settings, DryRun: false, NvidiaSmi: "no-such-nvidia-smi"), stdout, stderr, stop.Token);
        var started = DateTime.UtcNow;
        while (network.Status()[0].Stats.Submissions < 1 && !run.IsCompleted && DateTime.UtcNow - started < Deadline)
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        stop.Cancel();
        var exit = await run;

        Assert.True(exit == 0, stderr.ToString() + stdout);
        var stats = network.Status()[0].Stats;
        Assert.True(stats.Submissions >= 1, $"no submission within {Deadline}: {stats}\n{stdout}");
        Assert.Equal(0, stats.UnknownHotkeys);
        Assert.Matches(@"this run: [1-9]\d* pulls", stdout.ToString());
        Assert.Matches(@"ledger totals over 1 validator\(s\) \(kept across runs\): [1-9]\d* pulls", stdout.ToString());
    }
}
