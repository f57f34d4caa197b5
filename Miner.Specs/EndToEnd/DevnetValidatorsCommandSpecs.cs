using System.Text.Json;
using Miner.Host.Cli;
using Miner.Host.Commands.Devnet.Validators;
using Miner.Host.Configuration;
using Miner.Host.Devnet;
using Miner.Models.Bittensor.Keys;
using Miner.Specs.Bittensor;
using Miner.Specs.TestKit;

namespace Miner.Specs.EndToEnd;

/// <summary>
/// `miner devnet validators` (the devnet's validators alone, on loopback, in this process) and a `miner run
/// --metagraph.file` child process mining against them, as a cluster of separate miners would.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class DevnetValidatorsCommandSpecs : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private static readonly Dictionary<string, string?> NoEnvironment = [];
    private readonly TempWallet _wallet = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("miner-devval-").FullName;

    public void Dispose()
    {
        _wallet.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A log file still closing; the temp folder is cleaned by the OS.
        }
    }

    private string State => Path.Combine(_folder, "state");

    private string ReportPath => Path.Combine(State, DevnetValidatorsReport.FileName);

    private static DevnetOptions Devnet(params string[] flags)
    {
        var devnet = DevnetConfiguration.Load(DevnetOptions.DefaultsPath, null, NoEnvironment, flags);
        devnet.Behaviours.Clear(); // no injected errors or refusals: every pull answers, every good result can be accepted
        return devnet;
    }

    private Task<int> StartValidators(DevnetOptions devnet, DevnetValidatorsRequest request, StringWriter stdout, CancellationToken stop) =>
        Task.Run(() => DevnetValidatorsCommand.RunAsync(devnet, request, stdout, new StringWriter(), stop));

    [Fact]
    public async Task Devnet_validators_writes_metagraph_json_and_rewrites_validators_json_every_second()
    {
        var miner = Ss58.Encode(DevnetKeys.Miner(1).PublicKey);
        using var stop = new CancellationTokenSource();
        var stdout = new StringWriter();
        var run = StartValidators(Devnet(), new DevnetValidatorsRequest(State, [miner], Validators: 2), stdout, stop.Token);

        var first = await WaitForAsync(() => File.Exists(ReportPath) ? Updated() : null, stdout);
        await WaitForAsync(() => Updated() is { } now && now != first ? now : null, stdout);
        stop.Cancel();

        Assert.Equal(0, await run);
        var metagraph = DevnetMetagraphFile.Read(Path.Combine(State, "metagraph.json"));
        Assert.Equal(2, metagraph.Validators.Count);
        Assert.Equal([new DevnetMetagraphMiner(2, miner)], metagraph.Miners);
        using var report = JsonDocument.Parse(File.ReadAllBytes(ReportPath));
        Assert.True(report.RootElement.GetProperty("stopped").GetBoolean());
        Assert.Equal(2, report.RootElement.GetProperty("validators").GetArrayLength());
        Assert.Empty(Directory.GetFiles(State).Select(Path.GetFileName).Except(["metagraph.json", DevnetValidatorsReport.FileName]));
    }

    [Fact]
    public async Task A_miner_run_with_the_metagraph_file_mines_against_devnet_validators_with_no_violation_or_duplicate()
    {
        var hotkey = new Wallet(_wallet.Location).CreateHotkey();
        using var stop = new CancellationTokenSource();
        var stdout = new StringWriter();
        // One task per validator: the supply ends, so the run has an end to wait for.
        var validators = StartValidators(Devnet("--devnet.rules.task-cooldown=5s", "--devnet.rules.throttle-period=2s"),
            new DevnetValidatorsRequest(State, [hotkey.Ss58Address], Validators: 2, TasksPerValidator: 1), stdout, stop.Token);
        await WaitForAsync(() => File.Exists(ReportPath) ? "started" : null, stdout);

        using (var miner = await MiningProcess.StartAsync(Config(), Path.Combine(_folder, "logs"),
                   "--metagraph.file", Path.Combine(State, "metagraph.json")))
        {
            await WaitForAsync(() => Report().GetProperty("supply_ended").GetBoolean() ? "ended" : null, stdout, miner.Output);
            Assert.True(miner.Signal(15));
            await Task.WhenAny(miner.Process.WaitForExitAsync(), Task.Delay(Deadline));
            Assert.True(miner.Process.HasExited && miner.Process.ExitCode == 0, miner.Output());
        }
        stop.Cancel();
        Assert.Equal(0, await validators);

        var report = Report();
        Assert.True(report.GetProperty("stopped").GetBoolean());
        foreach (var validator in report.GetProperty("validators").EnumerateArray())
        {
            var m = Assert.Single(validator.GetProperty("miners").EnumerateArray());
            Assert.Equal(hotkey.Ss58Address, m.GetProperty("hotkey").GetString());
            Assert.Equal((1, 1), (m.GetProperty("tasks_assigned").GetInt32(), m.GetProperty("submissions").GetInt32()));
            Assert.Equal(1, m.GetProperty("accepted").GetInt32() + m.GetProperty("declined").GetInt32() + m.GetProperty("failed").GetInt32());
            Assert.Equal((0, 0), (m.GetProperty("cooldown_violations").GetInt32(), m.GetProperty("duplicate_submissions").GetInt32()));
            Assert.Equal(JsonValueKind.Null, m.GetProperty("unsubmitted_task").ValueKind);
        }
    }

    [Fact]
    public void A_state_that_is_a_file_is_refused_with_one_line_and_exit_1()
    {
        var file = Path.Combine(_folder, "state.txt");
        File.WriteAllText(file, "not a folder");

        var (exit, error) = Cli("devnet", "validators", "--state", file);

        Assert.Equal(1, exit);
        Assert.Equal($"--state {file}: is a regular file; give a folder for metagraph.json and validators.json", error.TrimEnd());
    }

    [Fact]
    public void A_negative_tasks_per_validator_is_refused_with_one_line_and_exit_1()
    {
        var (exit, error) = Cli("devnet", "validators", "--state", State, "--tasks-per-validator", "-2");

        Assert.Equal(1, exit);
        Assert.Equal("--tasks-per-validator: expected a whole number of at least 1, got -2", error.TrimEnd());
        Assert.False(Directory.Exists(State));
    }

    [Fact]
    public void A_miner_hotkey_that_is_not_ss58_is_refused_with_one_line_and_exit_1()
    {
        var (exit, error) = Cli("devnet", "validators", "--state", State, "--miners", "5Fnot-a-key\u001b[2J");

        Assert.Equal(1, exit);
        Assert.Equal("--miners: '5Fnot-a-key?[2J' is not an SS58 address", error.TrimEnd());
    }

    [Fact]
    public void A_run_with_an_unreadable_metagraph_file_is_refused_with_one_line_naming_the_file_and_exit_1()
    {
        new Wallet(_wallet.Location).CreateHotkey();
        var file = Path.Combine(_folder, "metagraph.json");
        File.WriteAllText(file, """{ "netuid": 17, "validators": [ { "uid": 0 } ] }""");

        var (exit, error) = Cli("run", "--metagraph.file", file, "--home", _folder, "--logging.console.enabled=false", "--logging.file.enabled=false",
            $"--wallet.path={_wallet.Root}", $"--wallet.name={_wallet.Location.Name}", $"--wallet.hotkey={_wallet.Location.Hotkey}");

        Assert.Equal(1, exit);
        Assert.Equal($"miner.metagraph.file (--metagraph.file): {file}: validators[0].hotkey: expected a string", error.TrimEnd());
    }

    [Fact]
    public void A_run_with_a_metagraph_file_that_is_a_folder_is_refused_with_one_line_and_exit_1()
    {
        new Wallet(_wallet.Location).CreateHotkey();

        var (exit, error) = Cli("run", "--metagraph.file", _folder, "--home", _folder, "--logging.console.enabled=false", "--logging.file.enabled=false",
            $"--wallet.path={_wallet.Root}", $"--wallet.name={_wallet.Location.Name}", $"--wallet.hotkey={_wallet.Location.Hotkey}");

        Assert.Equal(1, exit);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith($"miner.metagraph.file (--metagraph.file): {_folder}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dry_run_with_a_metagraph_file_skips_subtensor_and_finds_its_uid_in_the_file()
    {
        var hotkey = new Wallet(_wallet.Location).CreateHotkey();
        var file = Path.Combine(_folder, "metagraph.json");
        var validatorKey = Ss58.Encode(DevnetKeys.Validator(1, 0).PublicKey);
        DevnetMetagraphFile.Write(file, new DevnetMetagraph(17, [new DevnetMetagraphValidator(0, validatorKey, 10_000, "127.0.0.1", 40123, true)])
        {
            Miners = [new DevnetMetagraphMiner(1, hotkey.Ss58Address)],
        });
        var config = Config();
        var stdout = new StringWriter();

        var exit = MinerCli.Run(["run", "--dry-run", "--config", config, "--metagraph.file", file], stdout, new StringWriter(), NoEnvironment);

        var report = stdout.ToString();
        Assert.True(exit == 0, report);
        Assert.Contains("subtensor: skipped: miner.metagraph.file is set", report, StringComparison.Ordinal);
        Assert.Contains($"registered in metagraph file {file} as uid 1 (not checked on chain)", report, StringComparison.Ordinal);
        Assert.Contains($"uid 0 {validatorKey} S 10000.0 at 127.0.0.1:40123", report, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_whose_hotkey_the_metagraph_file_does_not_list_is_refused_naming_the_flag_to_add_it()
    {
        var hotkey = new Wallet(_wallet.Location).CreateHotkey();
        var file = Path.Combine(_folder, "metagraph.json");
        DevnetMetagraphFile.Write(file, new DevnetMetagraph(17, []));
        var stderr = new StringWriter();

        var exit = MinerCli.Run(["run", "--config", Config(), "--metagraph.file", file], new StringWriter(), stderr, NoEnvironment);

        Assert.Equal(1, exit);
        Assert.Equal($"hotkey {hotkey.Ss58Address} is not among the miners of metagraph file {file} (miner.metagraph.file); " +
                     $"start `miner devnet validators` with --miners {hotkey.Ss58Address}", stderr.ToString().TrimEnd());
    }

    private static (int Exit, string Error) Cli(params string[] args)
    {
        var stderr = new StringWriter();
        var exit = MinerCli.Run(args, new StringWriter(), stderr, NoEnvironment);
        return (exit, stderr.ToString());
    }

    private JsonElement Report()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(ReportPath));
        return document.RootElement.Clone();
    }

    private string? Updated() => Report().GetProperty("updated").GetString();

    private static async Task<string> WaitForAsync(Func<string?> probe, StringWriter stdout, Func<string>? more = null)
    {
        var started = DateTime.UtcNow;
        while (DateTime.UtcNow - started < Deadline)
        {
            if (probe() is { } found) return found;
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
        Assert.Fail($"not reached within {Deadline}: {stdout}\n{more?.Invoke()}");
        return "";
    }

    private string Config()
    {
        var path = Path.Combine(_folder, "miner.conf");
        File.WriteAllText(path, $$"""
            logging.console.enabled = false
            logging.file.enabled = false
            wallet {
              path = "{{_wallet.Root}}"
              name = "{{_wallet.Location.Name}}"
              hotkey = "{{_wallet.Location.Hotkey}}"
            }
            miner.home = "{{_folder}}"
            miner.cpu-backends.gaussian-budget = 20000
            miner.generation.gpus = [ { background-removal { cpu-fallback = on }, image-to-3d { cpu-fallback = on } } ]
            """);
        return path;
    }
}
