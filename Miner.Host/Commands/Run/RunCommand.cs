using Akka.Actor;
using Miner.Host.Admin;
using Miner.Host.Cli;
using Miner.Host.Logging;

namespace Miner.Host.Commands.Run;

/// <summary>
/// `miner run`: checks (<see cref="RunPreflight"/>) then mines (<see cref="RunSession"/>) until cancelled (Ctrl+C,
/// SIGTERM), then stops the tree and prints the ledger's summary. The first check that fails prints one line naming
/// the file or setting and exits 1. <c>--dry-run</c> runs every check that can run (one that needs a failed check is
/// reported as skipped), asks the services for their health, prints a report (cards, devices, validators eligible,
/// skipped neurons counted by reason) and a last line naming the failed checks; exit 0 when ready, 1 otherwise.
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
                ? await DryRunAsync(request, stdout, stderr, cancellation).ConfigureAwait(false)
                : await MineAsync(request, stdout, stderr, cancellation).ConfigureAwait(false);
        }
        catch (RunRefusedException refusal)
        {
            stderr.WriteLine(refusal.Message);
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            stderr.WriteLine("interrupted before mining started");
            return ExitCodes.Failed;
        }
    }

    /// <summary>
    /// Every check that can run, a progress line before each wait, a failed check's line on stderr, and a last line
    /// that sums up: <c>dry run: ready to mine</c> (exit 0) or <c>dry run: 2 check(s) failed: hotkey, subtensor</c> (exit 1).
    /// </summary>
    private static async Task<int> DryRunAsync(RunRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        var logging = request.Settings.Logging;
        Action<string> detail = logging.Debug || logging.Trace ? stdout.WriteLine : _ => { };
        var failed = await RunPreflight.DryRunAsync(request, stdout.WriteLine, detail, stderr.WriteLine, cancellation).ConfigureAwait(false);
        if (failed.Count == 0)
        {
            stdout.WriteLine("dry run: ready to mine");
            return ExitCodes.Ok;
        }
        stdout.WriteLine($"dry run: {failed.Count} check(s) failed: {string.Join(", ", failed)}");
        return ExitCodes.Failed;
    }

    private static async Task<int> MineAsync(RunRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        var settings = request.Settings;
        Serilog.Core.Logger created;
        try
        {
            settings.Home.Ensure(); // the log file lives under it
            created = MinerLogger.Create(settings.Logging);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException)
        {
            stderr.WriteLine(error.Message);
            return ExitCodes.Failed;
        }
        await using var logger = created;
        var log = logger.ForContext("SourceContext", "miner.run");
        try
        {
            await using var plan = await RunPreflight.PrepareAsync(request, line => log.Information("{Check}", line), line => log.Debug("{Detail}", line),
                cancellation).ConfigureAwait(false);
            RunSummary? summary;
            await using (var session = RunSession.Start(plan, settings, settings.Akka, plan.Persistence, logger))
            {
                try
                {
                    await session.RecordStartAsync().ConfigureAwait(false);
                }
                catch (AskTimeoutException error)
                {
                    log.Warning("the ScoreKeeper did not answer at start ({Error}); the summary will give the ledger's totals only", error.Message);
                }
                AdminEndpoint? admin;
                try
                {
                    admin = await session.StartAdminAsync(settings.Admin).ConfigureAwait(false);
                }
                catch (AdminRefusedException refused)
                {
                    // Mining without the endpoint would leave the operator blind: stop, saying which setting to fix.
                    log.Error("{Refusal}", refused.Message);
                    stderr.WriteLine(refused.Message);
                    return ExitCodes.Failed;
                }
                var started = $"mining on netuid {settings.Metagraph.Netuid} as uid {plan.OwnUid} ({plan.Hotkey.Ss58Address}) with " +
                              $"{plan.Gpus.Cards.Count} card(s), {plan.Eligible.Count} validator(s) eligible; Ctrl+C or SIGTERM stops";
                log.Information("{Started}", started);
                stdout.WriteLine(started);
                if (admin is not null)
                {
                    log.Information("{Admin}", admin.StartLine);
                    stdout.WriteLine(admin.StartLine);
                }
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
            return ExitCodes.Ok;
        }
        catch (RunRefusedException refusal)
        {
            log.ForContext(MinerLogger.FileOnly, true).Error("{Refusal}", refusal.Message);
            stderr.WriteLine(refusal.Message);
            return ExitCodes.Failed;
        }
    }
}
