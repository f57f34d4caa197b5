using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using Miner.Host.Cli;
using Miner.Host.Commands.Run;
using Miner.Host.Configuration;
using Miner.Models.Bittensor.Keys;
using Miner.Specs.Bittensor;
using Miner.Specs.TestKit;

namespace Miner.Specs.Run;

/// <summary>`miner run` against a loopback subtensor serving a SCALE-encoded metagraph and a temp wallet.</summary>
public sealed partial class RunCommandSpecs : IDisposable
{
    private const ushort Netuid = 17;
    private const ulong Block = 4_242_424;
    private const ulong Tao = 1_000_000_000;
    private static readonly UInt128 PublicIp = 0xCB007105; // 203.0.113.5
    private static readonly UInt128 LoopbackIp = 0x7F000001;
    private const string CpuCard = "miner.generation.gpus = [ { background-removal { cpu-fallback = on }\n image-to-3d { cpu-fallback = on } } ]";

    private readonly TempWallet _wallet = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("miner-run-").FullName;

    public void Dispose()
    {
        _wallet.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private byte[] CreateHotkey() => new Wallet(_wallet.Location).CreateHotkey().Keypair.PublicKey;

    private static byte[] OtherKey(byte seed) => Enumerable.Range(0, 32).Select(i => (byte)(seed * 7 + i)).ToArray();

    /// <summary>The operator file: quiet logging, a fast-failing subtensor at <paramref name="endpoint"/>, the temp wallet and store.</summary>
    private string Config(string endpoint, string generation = CpuCard, string extra = "")
    {
        var path = Path.Combine(_folder, "miner.conf");
        File.WriteAllText(path, $$"""
            logging {
              console.enabled = false
              file.enabled = false
            }
            wallet {
              path = "{{_wallet.Root}}"
              name = "{{_wallet.Location.Name}}"
              hotkey = "{{_wallet.Location.Hotkey}}"
            }
            subtensor {
              chain-endpoint = "{{endpoint}}"
              connect-timeout = 3s
              request-timeout = 3s
              max-connect-attempts = 1
              max-request-attempts = 1
              reconnect-initial-delay = 0s
            }
            miner.home = "{{_folder}}"
            miner.admin.port = 0
            miner.persistence.sqlite-path = "{{Path.Combine(_folder, "data", "journal.db")}}"
            {{generation}}
            {{extra}}
            """, Encoding.UTF8);
        return path;
    }

    private static (int Exit, string Out, string Error) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = MinerCli.Run(args, stdout, stderr, new Dictionary<string, string?>());
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string ClosedPortEndpoint()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"ws://127.0.0.1:{port}";
    }

    private static Task<FakeSubtensorNode> ServeAsync(params FakeNeuron[] neurons) =>
        FakeSubtensorNode.StartAsync(new FakeSubnet(Netuid, Block, neurons).Reply);

    [Fact]
    public void A_missing_hotkey_refuses_naming_the_file_and_how_to_create_it()
    {
        var (exit, output, error) = Cli("run", "--dry-run", "--config", Config(ClosedPortEndpoint()));

        Assert.Equal(1, exit);
        Assert.Contains($"hotkey file {_wallet.Location.HotkeyFile} not found", error, StringComparison.Ordinal);
        Assert.Contains("miner keys new", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Contains("check(s) failed: hotkey", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_encrypted_hotkey_refuses_naming_the_file()
    {
        _wallet.WriteHotkey("$NACLsecretboxed");

        var (exit, _, error) = Cli("run", "--dry-run", "--config", Config(ClosedPortEndpoint()));

        Assert.Equal(1, exit);
        Assert.Contains(_wallet.Location.HotkeyFile, error, StringComparison.Ordinal);
        Assert.Contains("encrypted", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_subtensor_refuses_naming_the_endpoint_and_the_setting()
    {
        CreateHotkey();
        var endpoint = ClosedPortEndpoint();

        var (exit, _, error) = Cli("run", "--dry-run", "--config", Config(endpoint));

        Assert.Equal(1, exit);
        Assert.Contains($"subtensor {endpoint}", error, StringComparison.Ordinal);
        Assert.Contains("unreachable", error, StringComparison.Ordinal);
        Assert.Contains("subtensor.chain-endpoint", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hotkey_not_among_the_neurons_refuses_naming_hotkey_netuid_and_block()
    {
        var ours = Ss58.Encode(CreateHotkey());
        await using var node = await ServeAsync(new FakeNeuron(OtherKey(1), PublicIp, 8091, 5000 * Tao));

        var (exit, _, error) = Cli("run", "--dry-run", "--config", Config(node.Url.ToString()));

        Assert.Equal(1, exit);
        Assert.Contains($"hotkey {ours} is not registered on netuid 17 at block {Block}", error, StringComparison.Ordinal);
        Assert.Contains("btcli subnet register --netuid 17", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_metagraph_answer_refuses_naming_the_netuid_and_the_field()
    {
        CreateHotkey();
        var subnet = new FakeSubnet(Netuid, Block, [new FakeNeuron(OtherKey(1), PublicIp, 8091, 5000 * Tao)]);
        await using var node = await FakeSubtensorNode.StartAsync(r =>
        {
            var reply = subnet.Reply(r);
            // Cut the neurons answer short: the decoder must name where it ran out, and the run must refuse cleanly.
            return r.StringParam(0) == Miner.Models.Bittensor.Chain.SubtensorClient.NeuronsLiteMethod
                ? FakeRpcReply.Result(reply.ResultJson![..^21] + "\"")
                : reply;
        });

        var (exit, _, error) = Cli("run", "--dry-run", "--config", Config(node.Url.ToString()));

        Assert.Equal(1, exit);
        Assert.Contains($"cannot read the metagraph of netuid 17 from subtensor {node.Url}", error, StringComparison.Ordinal);
        Assert.Contains("neurons", error, StringComparison.Ordinal);
        Assert.Contains("at offset", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_registration_is_checked_on_the_netuid_given_on_the_command_line()
    {
        CreateHotkey();
        await using var node = await ServeAsync(new FakeNeuron(OtherKey(1), PublicIp, 8091, 5000 * Tao));

        var (exit, _, error) = Cli("run", "--dry-run", "--netuid", "3", "--config", Config(node.Url.ToString()));

        Assert.Equal(1, exit);
        Assert.Contains("is not registered on netuid 3", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_of_a_registered_hotkey_reports_the_eligible_and_skipped_validators_and_the_cards()
    {
        var ours = CreateHotkey();
        await using var node = await ServeAsync(
            new FakeNeuron(ours, 0, 0, 0),
            new FakeNeuron(OtherKey(1), PublicIp, 8091, 2000 * Tao),
            new FakeNeuron(OtherKey(2), LoopbackIp, 8091, 9000 * Tao),
            new FakeNeuron(OtherKey(3), PublicIp + 1, 8091, 10 * Tao));

        var (exit, output, error) = Cli("run", "--dry-run", "--config", Config(node.Url.ToString()));

        Assert.True(exit == 0, error + output);
        Assert.Contains($"registered on netuid 17 as uid 0 at block {Block}", output, StringComparison.Ordinal);
        Assert.Contains($"  uid 1 {Ss58.Encode(OtherKey(1))} S 2000.0 at 203.0.113.5:8091", output, StringComparison.Ordinal);
        Assert.Contains("validators eligible (1)", output, StringComparison.Ordinal);
        Assert.Contains("validators skipped (3): 1 loopback address, 1 low stake (< 1000 τ), 1 own hotkey", output, StringComparison.Ordinal);
        Assert.DoesNotContain($"uid 0 {Ss58.Encode(ours)}: own hotkey", output, StringComparison.Ordinal); // per uid at debug level only
        Assert.Contains("card gpu-0 (device 0)", output, StringComparison.Ordinal);
        Assert.Contains("(fallback)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("(fallback) (fallback)", output, StringComparison.Ordinal);
        Assert.Contains("dry run: ready to mine", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder, "data", "journal.db")));
    }

    [Fact]
    public async Task A_dry_run_with_a_service_that_does_not_answer_reports_it_and_exits_1()
    {
        CreateHotkey();
        await using var node = await ServeAsync(new FakeNeuron(new Wallet(_wallet.Location).LoadHotkeyPublicKey(), 0, 0, 0));
        var service = ClosedPortEndpoint().Replace("ws://", "http://", StringComparison.Ordinal);
        var card = $$"""miner.generation.gpus = [ { background-removal { cpu-fallback = on }{{"\n"}} image-to-3d { url = "{{service}}" } } ]""";

        var (exit, output, error) = Cli("run", "--dry-run", "--config", Config(node.Url.ToString(), card));

        Assert.Equal(1, exit);
        Assert.Contains("gpu-0 image-to-3d: UNHEALTHY", output, StringComparison.Ordinal);
        Assert.Contains("1 service(s) unhealthy", error, StringComparison.Ordinal);
        Assert.EndsWith("dry run: 1 check(s) failed: backends", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_configured_card_refuses_pointing_at_the_examples()
    {
        await using var node = await ServeAsync(new FakeNeuron(CreateHotkey(), 0, 0, 0));

        var (exit, _, error) = Cli("run", "--dry-run", "--config", Config(node.Url.ToString(), generation: ""));

        Assert.Equal(1, exit);
        Assert.Contains("miner.generation.gpus is empty", error, StringComparison.Ordinal);
        Assert.Contains("hocon/examples/seed-layout.conf", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_dendrite_setting_refuses_naming_the_key()
    {
        CreateHotkey();

        var (exit, _, error) = Cli("run", "--dry-run", "--config", Config(ClosedPortEndpoint(), extra: "miner.dendrite.pull-timeout = 0s"));

        Assert.Equal(1, exit);
        Assert.Contains("miner.dendrite.pull-timeout: 0s is out of range", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Loopback_axons_allowed_on_finney_are_refused_before_connecting()
    {
        CreateHotkey();
        var path = Config("finney", extra: "miner.metagraph.allow-loopback-axons = true");

        var (exit, _, error) = Cli("run", "--dry-run", "--config", path);

        Assert.Equal(1, exit);
        Assert.Contains("miner.metagraph.allow-loopback-axons is on while mining on finney", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_mines_until_stopped_then_prints_the_ledger_summary_and_exits_0()
    {
        var ours = CreateHotkey();
        await using var node = await ServeAsync(new FakeNeuron(ours, 0, 0, 0), new FakeNeuron(OtherKey(2), LoopbackIp, 8091, 9000 * Tao));
        var settings = MinerSettings.Bind(MinerConfiguration.Build(MinerConfiguration.DefaultsPath, Config(node.Url.ToString()),
            new Dictionary<string, string?>(), ConfigurationOverrides.Empty));
        using var stop = new CancellationTokenSource();
        var stdout = new LineWatchingWriter("mining on netuid", stop.Cancel);
        var stderr = new StringWriter();

        var exit = await RunCommand.RunAsync(new RunRequest(settings, DryRun: false, NvidiaSmi: "no-such-nvidia-smi"), stdout, stderr, stop.Token);

        Assert.True(exit == 0, stderr.ToString() + stdout);
        Assert.Contains("as uid 0", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("miner stopped after", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("0 submissions", stdout.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder, "data", "journal.db")));
    }

    [Fact]
    public async Task SIGTERM_stops_a_running_miner_process_with_its_summary_and_exit_0()
    {
        var ours = CreateHotkey();
        await using var node = await ServeAsync(new FakeNeuron(ours, 0, 0, 0));
        using var miner = await MiningProcess.StartAsync(Config(node.Url.ToString()), Path.Combine(_folder, "logs"));
        Assert.True(miner.Signal(15)); // SIGTERM, as a service manager stops it
        await Task.WhenAny(miner.Process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(90)));
        Assert.True(miner.Process.HasExited, $"the miner did not exit within 90 s of SIGTERM: {miner.Output()}");
        var text = miner.Output();
        Assert.True(miner.Process.ExitCode == 0, $"exit {miner.Process.ExitCode}: {text}");
        Assert.Contains("miner stopped after", text, StringComparison.Ordinal);
    }

    /// <summary>Calls <paramref name="onLine"/> once a written line contains <paramref name="marker"/>.</summary>
    private sealed class LineWatchingWriter(string marker, Action onLine) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.Contains(marker, StringComparison.Ordinal) == true) onLine();
        }
    }
}
