using System.Globalization;
using Miner.Actors.Kernel;
using Miner.Host.Logging;

namespace Miner.Host.Commands.Run;

/// <summary>
/// `miner run`: checks (<see cref="RunPreflight"/>) then mines (<see cref="RunSession"/>) until cancelled (Ctrl+C,
/// SIGTERM), then stops the tree and prints the ledger's summary. Any check that fails prints one line naming the
/// file or setting and exits 1. <c>--dry-run</c> runs every check, asks the services for their health, prints a report
/// (cards, devices, validators eligible and skipped with the reason) and exits 0 when ready, 1 otherwise.
/// </summary>
public static class RunCommand
{
    public static async Task<int> RunAsync(RunRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            return request.DryRun
                ? await DryRunAsync(request, stdout, cancellation).ConfigureAwait(false)
                : await MineAsync(request, stdout, stderr, cancellation).ConfigureAwait(false);
        }
        catch (RunRefusedException refusal)
        {
            stderr.WriteLine(refusal.Message);
            return 1;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            stderr.WriteLine("interrupted before mining started");
            return 1;
        }
    }

    private static async Task<int> DryRunAsync(RunRequest request, TextWriter stdout, CancellationToken cancellation)
    {
        var settings = request.Settings;
        await using var plan = await RunPreflight.PrepareAsync(request, stdout.WriteLine, cancellation).ConfigureAwait(false);
        await using (await RunPreflight.OpenStoresAsync(settings.Persistence, cancellation).ConfigureAwait(false))
        {
            stdout.WriteLine($"persistence: {settings.Persistence.Provider.ToString().ToLowerInvariant()} store opened");
        }
        stdout.WriteLine("devices:");
        foreach (var line in plan.DeviceLines) stdout.WriteLine("  " + line);
        stdout.WriteLine($"validators eligible ({plan.Eligible.Count}):");
        foreach (var v in plan.Eligible.OrderByDescending(v => v.StakeTao))
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  uid {v.Uid} {v.Hotkey} S {v.StakeTao:F1} at {v.Axon.Address}:{v.Axon.Port}"));
        stdout.WriteLine($"validators skipped ({plan.Skipped.Count}):");
        foreach (var (candidate, reason) in plan.Skipped.OrderBy(s => s.Candidate.Uid))
            stdout.WriteLine($"  uid {candidate.Uid} {candidate.Hotkey}: {reason}");
        stdout.WriteLine("backends:");
        var (lines, problems) = await RunPreflight.CheckBackendsAsync(plan.Gpus, cancellation).ConfigureAwait(false);
        foreach (var line in lines) stdout.WriteLine("  " + line);
        if (plan.Eligible.Count == 0) stdout.WriteLine("warning: no validator is eligible now; the miner would wait for the next metagraph sync");
        stdout.WriteLine(problems == 0
            ? "dry run: ready to mine"
            : $"dry run: {problems} service(s) unhealthy; the cards using them would not ask for work");
        return problems == 0 ? 0 : 1;
    }

    private static async Task<int> MineAsync(RunRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        var settings = request.Settings;
        await using var logger = MinerLogger.Create(settings.Logging);
        var log = logger.ForContext("SourceContext", "miner.run");
        try
        {
            await using var plan = await RunPreflight.PrepareAsync(request, line => log.Information("{Check}", line), cancellation).ConfigureAwait(false);
            foreach (var line in plan.DeviceLines) log.Information("{Device}", line);
            if (plan.Eligible.Count == 0) log.Warning("no validator is eligible now; waiting for the next metagraph sync");
            await using var stores = await RunPreflight.OpenStoresAsync(settings.Persistence, cancellation).ConfigureAwait(false);
            RunSummary? summary;
            await using (var session = RunSession.Start(plan, settings, stores, logger))
            {
                try
                {
                    await session.RecordStartAsync().ConfigureAwait(false);
                }
                catch (AskTimeoutException error)
                {
                    log.Warning("the ScoreKeeper did not answer at start ({Error}); the summary will give the ledger's totals only", error.Message);
                }
                var started = $"mining on netuid {settings.Metagraph.Netuid} as uid {plan.Own.Uid} ({plan.Hotkey.Ss58Address}) with " +
                              $"{plan.Gpus.Cards.Count} card(s), {plan.Eligible.Count} validator(s) eligible; Ctrl+C or SIGTERM stops";
                log.Information("{Started}", started);
                stdout.WriteLine(started);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellation).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // the operator's stop: fall through to the summary and the graceful shutdown
                }
                log.Information("stopping: asking the cards to finish and the worker processes to exit");
                try
                {
                    summary = await session.SummaryAsync().ConfigureAwait(false);
                }
                catch (AskTimeoutException error)
                {
                    log.Warning("no summary: the ScoreKeeper did not answer ({Error})", error.Message);
                    summary = null;
                }
            }
            var text = summary?.ToString() ?? "miner stopped; the ledger's summary was not available (see the log)";
            log.Information("{Summary}", text);
            stdout.WriteLine(text);
            return 0;
        }
        catch (RunRefusedException refusal)
        {
            log.Error("{Refusal}", refusal.Message);
            stderr.WriteLine(refusal.Message);
            return 1;
        }
    }
}
