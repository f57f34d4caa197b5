using Akka.Actor;
using Miner.Actors.Mining;
using Miner.Actors.Mining.Scoring;
using Miner.Host.Devnet;
using Miner.Models.Bittensor.Keys;
using Miner.Specs.Bittensor;
using Miner.Specs.EndToEnd;
using Miner.Specs.TestKit;
using Miner.Specs.TestKit.Akka;

namespace Miner.Specs.Run;

/// <summary>
/// A `miner run` process killed with SIGKILL while a task is on its card, then started again on the same Akka journal
/// (SQLite), mining against devnet validators that outlive it: the restart keeps the operator's ban, the cooldowns and
/// the scores, and finishes the task the kill interrupted, submitted once, with no cooldown violated.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class RunKillRecoverySpecs : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private static readonly Dictionary<string, string?> NoEnvironment = [];
    private readonly TempWallet _wallet = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("miner-kill-").FullName;

    public void Dispose()
    {
        _wallet.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private string Journal => Path.Combine(_folder, "data", "journal.db");

    [Fact]
    public async Task A_miner_killed_mid_task_restarts_from_its_journal_with_nothing_lost()
    {
        var hotkey = new Wallet(_wallet.Location).CreateHotkey();
        var devnet = DevnetConfiguration.Load(DevnetOptions.DefaultsPath, null, NoEnvironment, []);
        devnet.Validators = 3;
        devnet.Behaviours.Clear(); // no injected errors: every pull answers
        devnet.Tasks.TextShare = 0; // image tasks only: each spends seconds on the card (text ones are declined at once)
        devnet.MetagraphFile = Path.Combine(_folder, "metagraph.json");
        await using var network = await DevnetNetwork.StartAsync(devnet);
        network.RegisterMiner(hotkey.Ss58Address);
        var neurons = new List<FakeNeuron> { new(hotkey.Keypair.PublicKey, 0, 0, 0) };
        foreach (var host in network.Validators)
        {
            Assert.True(Ss58.TryDecode(host.Validator.Hotkey, out var key));
            neurons.Add(new FakeNeuron(key, 0x7F000001, (ushort)host.Target.Port, 10_000 * 1_000_000_000UL));
        }
        await using var node = await FakeSubtensorNode.StartAsync(new FakeSubnet(17, 100, neurons).Reply);
        var banned = network.Validators[2].Validator.Hotkey;
        BanInJournal(banned);
        var config = Config(node.Url.ToString());

        // First run: killed while a task is on the card, after at least one accepted answer set a cooldown.
        string held;
        long pullsBeforeKill;
        using (var first = await MiningProcess.StartAsync(config, Path.Combine(_folder, "logs-1")))
        {
            held = await WaitForAsync(() => Stats(network).Sum(s => s.Accepted) >= 1 ? InFlight(network, hotkey.Ss58Address) : null,
                () => first.Output()) ?? "";
            Assert.True(first.Signal(9)); // SIGKILL: no shutdown phase runs
            await first.Process.WaitForExitAsync();
            pullsBeforeKill = Stats(network).Sum(s => s.Pulls);
        }

        // Second run on the same journal, until the interrupted task is settled; then a normal stop.
        using var second = await MiningProcess.StartAsync(config, Path.Combine(_folder, "logs-2"));
        await WaitForAsync(() => network.Tasks.Settled.Any(t => t.TaskId == held) ? "settled" : null, () => second.Output());
        Assert.True(second.Signal(15));
        await Task.WhenAny(second.Process.WaitForExitAsync(), Task.Delay(Deadline));
        var output = second.Output();
        Assert.True(second.Process.HasExited && second.Process.ExitCode == 0, output);

        Assert.Contains("tasks were in flight before the restart", output, StringComparison.Ordinal);
        Assert.Single(network.Tasks.Settled, t => t.TaskId == held);
        Assert.All(network.Tasks.Settled.GroupBy(t => t.TaskId), g => Assert.Single(g));
        Assert.Equal(0, Stats(network).Sum(s => s.CooldownViolations));
        Assert.Equal(0, network.Status()[2].Stats.Pulls); // the ban recorded before the first run held through the kill
        Assert.Matches(@"ledger totals over \d+ validator\(s\) \(kept across runs\): (\d+) pulls", output);
        var totals = long.Parse(System.Text.RegularExpressions.Regex.Match(output, @"\(kept across runs\): (\d+) pulls").Groups[1].Value);
        Assert.True(totals >= pullsBeforeKill, $"the ledger counts {totals} pulls; the validators saw {pullsBeforeKill} before the kill");
    }

    /// <summary>The operator's ban of <paramref name="hotkey"/> for an hour, written to the journal before any run.</summary>
    private void BanInJournal(string hotkey)
    {
        using var kit = new SqliteJournalSpec(Journal);
        var keeper = kit.StartActor(Props.Create(() => new ScoreKeeper(new MiningOptions(), new ValidatorEventSubscribers(), 500)), ScoreKeeper.Id);
        keeper.Tell(new AddToBlacklist(hotkey, 2, "the operator's ban", DateTimeOffset.UtcNow.AddHours(1)));
        var blacklist = kit.Await(keeper.Ask<BlacklistSnapshot>(new GetBlacklist(), TimeSpan.FromSeconds(10))); // answered after the write
        Assert.True(blacklist.Dynamic.ContainsKey(hotkey));
    }

    private static IEnumerable<DevnetValidatorStatsSnapshot> Stats(DevnetNetwork network) => network.Status().Select(s => s.Stats);

    /// <summary>The id of a task a validator assigned to <paramref name="miner"/> that is not settled yet, or null.</summary>
    private static string? InFlight(DevnetNetwork network, string miner) =>
        network.Validators.Select(v => v.Validator.MinerState(miner)?.AssignedTask?.Protocol.Id)
            .FirstOrDefault(id => id is not null && network.Tasks.Settled.All(t => t.TaskId != id));

    private static async Task<string?> WaitForAsync(Func<string?> probe, Func<string> output)
    {
        var started = DateTime.UtcNow;
        while (DateTime.UtcNow - started < Deadline)
        {
            if (probe() is { } found) return found;
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
        Assert.Fail($"not reached within {Deadline}: {output()}");
        return null;
    }

    private string Config(string endpoint)
    {
        var path = Path.Combine(_folder, "miner.conf");
        File.WriteAllText(path, $$"""
            logging.console.enabled = false
            wallet {
              path = "{{_wallet.Root}}"
              name = "{{_wallet.Location.Name}}"
              hotkey = "{{_wallet.Location.Hotkey}}"
            }
            subtensor.chain-endpoint = "{{endpoint}}"
            miner.home = "{{_folder}}"
            miner.persistence.sqlite-path = "{{Journal}}"
            miner.metagraph.allow-loopback-axons = true
            miner.cpu-backends.gaussian-budget = 20000
            miner.generation.gpus = [ { background-removal { cpu-fallback = on }, image-to-3d { cpu-fallback = on } } ]
            """);
        return path;
    }
}
