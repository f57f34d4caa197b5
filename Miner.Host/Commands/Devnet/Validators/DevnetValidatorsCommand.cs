using System.Globalization;
using Miner.Host.Cli;
using Miner.Host.Devnet;
using Miner.Models.Bittensor.Keys;
using Miner.Models.Files;

namespace Miner.Host.Commands.Devnet.Validators;

/// <summary>
/// `miner devnet validators`: only the devnet's validators, on loopback axons, for miners run elsewhere (`miner run
/// --metagraph.file`). Writes <c>metagraph.json</c> (validators and the miners given with <c>--miners</c>) once and
/// <see cref="DevnetValidatorsReport"/> every second and at the stop; runs until Ctrl+C or SIGTERM.
/// </summary>
public static class DevnetValidatorsCommand
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(1);

    public static async Task<int> RunAsync(DevnetOptions devnet, DevnetValidatorsRequest request, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(devnet);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (Refusal(request) is { } refusal)
        {
            stderr.WriteLine(refusal);
            return ExitCodes.Failed;
        }
        if (request.Validators is { } v) devnet.Validators = v;
        if (request.Seed is { } s) devnet.Seed = s;
        devnet.Behaviours.RemoveAll(b => b.Uid >= devnet.Validators); // as `miner devnet --validators` does
        var state = Path.GetFullPath(request.State);
        if (PrepareState(request.State, state) is { } stateRefusal)
        {
            stderr.WriteLine(stateRefusal);
            return ExitCodes.Failed;
        }
        devnet.MetagraphFile = Path.Combine(state, "metagraph.json");
        var reportPath = Path.Combine(state, DevnetValidatorsReport.FileName);

        DevnetNetwork network;
        try
        {
            network = await DevnetNetwork.StartAsync(devnet, tasksPerValidator: request.TasksPerValidator, miners: request.Miners,
                cancellation: cancellation).ConfigureAwait(false);
        }
        catch (ArgumentException error)
        {
            stderr.WriteLine(FailureReport.OneLine(error.Message));
            return ExitCodes.Failed;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"--state {request.State}: cannot write metagraph.json: {FailureReport.OneLine(error.Message)}");
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Ok; // stopped while starting: nothing was written but the metagraph, if that
        }

        byte[] last;
        await using (network.ConfigureAwait(false))
        {
            var reportFailed = !TryWrite(reportPath, DevnetValidatorsReport.Serialize(network, request.TasksPerValidator, DateTimeOffset.UtcNow, false), stderr, false);
            stdout.WriteLine(Started(network, state));
            while (!cancellation.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(Refresh, cancellation).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                // A failed write is reported once, until one succeeds again: the validators keep serving meanwhile.
                reportFailed = !TryWrite(reportPath, DevnetValidatorsReport.Serialize(network, request.TasksPerValidator, DateTimeOffset.UtcNow, false),
                    stderr, reportFailed);
            }
            last = DevnetValidatorsReport.Serialize(network, request.TasksPerValidator, DateTimeOffset.UtcNow, stopped: true);
            stdout.WriteLine(Stopped(network));
        }
        // Written once the axons are closed; the counters were read just before.
        return TryWrite(reportPath, last, stderr, alreadyReported: false) ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static string? Refusal(DevnetValidatorsRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.State)) return "--state: give a folder for metagraph.json and validators.json";
        if (request.Validators is { } v && v is < 1 or > 64) return $"--validators: expected 1 to 64 validators, got {v}";
        if (request.TasksPerValidator is < 1) return $"--tasks-per-validator: expected a whole number of at least 1, got {request.TasksPerValidator}";
        foreach (var hotkey in request.Miners)
            if (!Ss58.TryDecode(hotkey, out _)) return $"--miners: '{Shorten(hotkey)}' is not an SS58 address";
        return null;
    }

    private static string? PrepareState(string given, string full)
    {
        var status = FileStatus.Of(full);
        if (status.Exists && status.Kind != FileKind.Directory)
            return $"--state {given}: is {status.Describe()}; give a folder for metagraph.json and validators.json";
        try
        {
            Directory.CreateDirectory(full);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return $"--state {given}: cannot create the folder: {FailureReport.OneLine(error.Message)}";
        }
        return null;
    }

    private static bool TryWrite(string path, byte[] bytes, TextWriter stderr, bool alreadyReported)
    {
        try
        {
            OutputFile.WriteAllBytes(path, bytes);
            return true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            if (!alreadyReported) stderr.WriteLine($"cannot write {path}: {FailureReport.OneLine(error.Message)}");
            return false;
        }
    }

    private static string Started(DevnetNetwork network, string state)
    {
        var ports = string.Join(", ", network.Validators.Select(v => $"uid {v.Validator.Uid} :{v.Target.Port}"));
        var miners = network.Metagraph.Miners.Count == 0
            ? "no miners registered (--miners): every pull is from an unknown hotkey"
            : "miners " + string.Join(", ", network.Metagraph.Miners.Select(m => $"uid {m.Uid} {m.Hotkey}"));
        var limit = network.Validators[0].Validator.TaskLimit is { } k ? $"{k} task(s) each" : "tasks without end";
        return $"devnet validators on {network.Options.Host} ({ports}), {limit}; {miners}; metagraph {network.MetagraphPath}, " +
               $"counters {Path.Combine(state, DevnetValidatorsReport.FileName)} (every second); Ctrl+C or SIGTERM stops";
    }

    private static string Stopped(DevnetNetwork network)
    {
        var stats = network.Status().Select(s => s.Stats).ToArray();
        var duplicates = network.Validators.Sum(v => v.Validator.MinerStats().Sum(m => m.DuplicateSubmissions));
        return string.Create(CultureInfo.InvariantCulture,
            $"devnet validators stopped: {stats.Sum(s => s.Pulls)} pulls, {stats.Sum(s => s.TasksAssigned)} tasks handed out, " +
            $"{stats.Sum(s => s.Submissions)} submissions ({stats.Sum(s => s.Accepted)} accepted, {stats.Sum(s => s.Declined)} declined, " +
            $"{stats.Sum(s => s.Failed)} failed), {stats.Sum(s => s.CooldownViolations)} cooldown violations, {duplicates} duplicate submissions");
    }

    // Hostile input stays on one line: control characters shown as '?'.
    private static string Shorten(string value) =>
        new string(value.Take(64).Select(c => char.IsControl(c) ? '?' : c).ToArray()) + (value.Length > 64 ? "…" : "");
}
