using System.Text.RegularExpressions;
using Miner.Host.Commands.Devnet;
using Miner.Host.Configuration;
using Miner.Host.Devnet;

namespace Miner.Specs.EndToEnd;

/// <summary>`miner devnet` as the command runs it (real validators on loopback, the real miner tree, real time).</summary>
[Collection(EndToEndCollection.Name)]
public sealed class DevnetCommandSpecs : IDisposable
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];
    private readonly string _out = Path.Combine(Path.GetTempPath(), "miner-devnet-cmd-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Devnet_with_tasks_3_settles_exactly_3()
    {
        // Cooldowns cut to seconds and clouds to 20K gaussians, as in DevnetEndToEndSpecs, to stay short on 2 cores.
        var devnet = DevnetConfiguration.Load(DevnetOptions.DefaultsPath, null, NoEnvironment,
        [
            "--devnet.rules.task-cooldown=10s", "--devnet.rules.throttle-period=3s", "--devnet.rules.cooldown-penalty=10s",
            "--devnet.rules.validation-lock=2s", "--devnet.tasks.text-share=0.3",
        ]);
        var miner = MinerSettings.Bind(MinerConfiguration.Build(MinerConfiguration.DefaultsPath, null, NoEnvironment,
            ["--miner.cpu-backends.gaussian-budget=20000"]));
        var stdout = new StringWriter();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(4)); // ends the run early, as Ctrl+C would

        var code = await DevnetCommand.RunAsync(devnet, miner, tasks: 3, validators: null, gpus: 1, seed: null, _out,
            DevnetOutputMode.Auto, stdout, new StringWriter(), deadline.Token);

        Assert.False(deadline.IsCancellationRequested, "the run did not get to 3 settled tasks in time:\n" + stdout);
        Assert.Equal(0, code);
        var lines = stdout.ToString().Split(stdout.NewLine);
        Assert.Equal(["settled 1/3", "settled 2/3", "settled 3/3"], lines.Where(l => l.StartsWith("settled ", StringComparison.Ordinal)).Select(l => l[..11]));
        Assert.Single(lines, l => Regex.IsMatch(l, @"^\s+tasks settled\s+3 "));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_out, recursive: true);
        }
        catch (IOException)
        {
            // A log file still closing; the temp folder is cleaned by the OS.
        }
    }
}
