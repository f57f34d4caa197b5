using System.Diagnostics;
using Miner.Host.Cli;
using Miner.Models.Bittensor.Keys;
using Miner.Specs.TestKit;

namespace Miner.Specs.Run;

/// <summary>`miner run --dry-run`: every check reported, progress before each wait, skipped neurons counted.</summary>
public sealed partial class RunCommandSpecs
{
    [Fact]
    public void Dry_run_reports_every_failed_check_not_only_the_first()
    {
        var endpoint = ClosedPortEndpoint();

        var (exit, output, error) = Cli("run", "--dry-run", "--config", Config(endpoint));

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains($"hotkey file {_wallet.Location.HotkeyFile} not found", error, StringComparison.Ordinal);
        Assert.Contains($"subtensor {endpoint}", error, StringComparison.Ordinal);
        Assert.Contains("devices:", output, StringComparison.Ordinal); // checks after the failures still ran
        Assert.Contains("backends:", output, StringComparison.Ordinal);
        Assert.EndsWith("dry run: 2 check(s) failed: hotkey, subtensor", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_check_that_needs_a_failed_check_is_reported_as_skipped()
    {
        var (_, output, _) = Cli("run", "--dry-run", "--config", Config(ClosedPortEndpoint()));

        Assert.Contains("lock: skipped: needs hotkey", output, StringComparison.Ordinal);
        Assert.Contains("persistence: skipped: needs lock", output, StringComparison.Ordinal);
        Assert.Contains("registration: skipped: needs hotkey, subtensor", output, StringComparison.Ordinal);
        Assert.Contains("validators: skipped: needs hotkey, subtensor", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_check_is_one_line_on_stderr_without_a_stack_trace()
    {
        var (_, _, error) = Cli("run", "--dry-run", "--config", Config(ClosedPortEndpoint()));

        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dry_run_prints_a_progress_line_before_waiting_for_subtensor()
    {
        await using var node = await ServeAsync(new FakeNeuron(CreateHotkey(), 0, 0, 0));
        var connectionsWhenAnnounced = -1;
        var stdout = new LineWatchingWriter("checking subtensor", () => connectionsWhenAnnounced = node.Connections);

        var exit = MinerCli.Run(["run", "--dry-run", "--config", Config(node.Url.ToString())], stdout, new StringWriter(), new Dictionary<string, string?>());

        var output = stdout.ToString();
        Assert.True(exit == ExitCodes.Ok, output);
        Assert.Equal(0, connectionsWhenAnnounced);
        Assert.True(node.Connections > 0);
        Assert.Contains($"checking subtensor {node.Url} (timeout 3s per connect, 1 attempt(s); 3s per request) ...", output, StringComparison.Ordinal);
        Assert.True(output.IndexOf("checking subtensor", StringComparison.Ordinal) < output.IndexOf("metagraph of netuid 17 read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Skipped_neurons_are_listed_one_per_uid_only_with_logging_debug()
    {
        var ours = CreateHotkey();
        await using var node = await ServeAsync(new FakeNeuron(ours, 0, 0, 0), new FakeNeuron(OtherKey(2), LoopbackIp, 8091, 9000 * Tao));

        var (exit, output, error) = Cli("run", "--dry-run", "--logging.debug", "--config", Config(node.Url.ToString()));

        Assert.True(exit == ExitCodes.Ok, error + output);
        Assert.Contains("validators skipped (2): 1 loopback address, 1 own hotkey", output, StringComparison.Ordinal);
        Assert.Contains($"  uid 0 {Ss58.Encode(ours)}: own hotkey", output, StringComparison.Ordinal);
        Assert.Matches(@"  uid 1 \w+: not serving: .*loopback", output);
    }

    [Fact]
    public void A_run_refuses_at_the_first_failed_check_with_one_line()
    {
        var (exit, output, error) = Cli("run", "--config", Config(ClosedPortEndpoint()));

        Assert.Equal(ExitCodes.Failed, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("hotkey file", line, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task A_refusal_is_said_once_even_with_the_console_log_on()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "miner.dll"), "run", "--config", Config(ClosedPortEndpoint()), "--logging.console.enabled=true" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start dotnet");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(deadline.Token);

        Assert.Equal(ExitCodes.Failed, process.ExitCode);
        var text = await error;
        Assert.Single(text.Split('\n'), line => line.Contains("hotkey file", StringComparison.Ordinal)); // the log is not the place to say it twice
        Assert.Equal("", await output);
    }
}
