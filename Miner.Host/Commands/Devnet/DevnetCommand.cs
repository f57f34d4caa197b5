using Miner.Host.Cli;
using Miner.Host.Configuration;
using Miner.Host.Devnet;

namespace Miner.Host.Commands.Devnet;

/// <summary>
/// `miner devnet`: the devnet and the real miner in one process (<see cref="DevnetSession"/>), progress shown about once
/// a second (a table redrawn in place on a terminal, else one line per settled task), until Ctrl+C or, with
/// <c>--tasks N</c>, until the N tasks the devnet hands out are settled; then a summary.
/// </summary>
public static class DevnetCommand
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(1);

    /// <summary>How long the cards get to answer their first status query (CPU cards answer within a second).</summary>
    private static readonly TimeSpan CardsReadyWithin = TimeSpan.FromSeconds(30);

    /// <param name="devnet">devnet.conf's settings; <paramref name="validators"/> and <paramref name="seed"/> override them when given.</param>
    /// <param name="tasks">Tasks the devnet hands out in all; the run ends when they are all settled. Null: until cancelled.</param>
    /// <param name="output">Table or lines; <see cref="DevnetOutputMode.Auto"/> decides by whether stdout is a terminal.</param>
    public static async Task<int> RunAsync(DevnetOptions devnet, MinerSettings miner, int? tasks, int? validators, int gpus, int? seed,
        string outDirectory, DevnetOutputMode output, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(devnet);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (tasks is < 1)
        {
            stderr.WriteLine("--tasks must be at least 1");
            return ExitCodes.Failed;
        }
        if (validators is { } v) devnet.Validators = v;
        if (seed is { } s) devnet.Seed = s;
        // Behaviours for validators this run does not start are dropped, not an error.
        devnet.Behaviours.RemoveAll(b => b.Uid >= devnet.Validators);
        var outPath = Path.GetFullPath(outDirectory);
        devnet.MetagraphFile = Path.Combine(outPath, "metagraph.json");

        DevnetSession session;
        try
        {
            session = await DevnetSession.StartAsync(new DevnetRunRequest(devnet, miner, gpus, outPath, tasks)).ConfigureAwait(false);
        }
        catch (Exception error) when (error is ArgumentException or IOException or UnauthorizedAccessException)
        {
            // A setting the devnet refuses, or an output folder it cannot write: one line, not a stack trace.
            stderr.WriteLine(error.Message);
            return ExitCodes.Failed;
        }
        var view = DevnetProgressViews.Create(output, stdout);
        DevnetSnapshot snapshot;
        string? failure;
        await using (session.ConfigureAwait(false))
        {
            try
            {
                if (await session.StartAdminAsync(miner.Admin, outPath).ConfigureAwait(false) is { } admin) stdout.WriteLine(admin.StartLine);
            }
            catch (Admin.AdminRefusedException refused)
            {
                stderr.WriteLine(refused.Message);
                return ExitCodes.Failed;
            }
            // A card that cannot start would leave the run idle for ever: stop at once with its reason.
            try
            {
                failure = await session.WaitForCardsAsync(CardsReadyWithin, cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                failure = null;
            }
            snapshot = await session.SnapshotAsync().ConfigureAwait(false);
            // The devnet hands out no more than N tasks, so the run stops at exactly N settled; it waits for the miner
            // to have heard the answer to each, so no reply reaches an actor that already stopped.
            while (failure is null && !cancellation.IsCancellationRequested && !(tasks is { } n && snapshot.Settled >= n && snapshot.MinerInFlight == 0))
            {
                try
                {
                    await Task.Delay(Refresh, cancellation).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                failure = session.CardFailure;
                snapshot = await session.SnapshotAsync().ConfigureAwait(false);
                view.Show(snapshot);
            }
            snapshot = await session.SnapshotAsync().ConfigureAwait(false);
            view.Show(snapshot); // what settled since the last refresh (after Ctrl+C)
        }
        if (failure is not null)
        {
            stderr.WriteLine($"devnet stopped: {failure}");
            return ExitCodes.Failed;
        }
        stdout.Write(DevnetStatusTable.Summary(snapshot, session.Recorder.MeanStageSeconds, session.Recorder.DuplicateResults, outPath));
        return ExitCodes.Ok;
    }
}
