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
            return 1;
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
        catch (ArgumentException error)
        {
            stderr.WriteLine(error.Message);
            return 1;
        }
        var view = DevnetProgressViews.Create(output, stdout);
        DevnetSnapshot snapshot;
        await using (session.ConfigureAwait(false))
        {
            snapshot = await session.SnapshotAsync().ConfigureAwait(false);
            // The devnet hands out no more than N tasks, so the run stops at exactly N settled; it waits for the miner
            // to have heard the answer to each, so no reply reaches an actor that already stopped.
            while (!cancellation.IsCancellationRequested && !(tasks is { } n && snapshot.Settled >= n && snapshot.MinerInFlight == 0))
            {
                try
                {
                    await Task.Delay(Refresh, cancellation).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                snapshot = await session.SnapshotAsync().ConfigureAwait(false);
                view.Show(snapshot);
            }
            snapshot = await session.SnapshotAsync().ConfigureAwait(false);
            view.Show(snapshot); // what settled since the last refresh (after Ctrl+C)
        }
        stdout.Write(DevnetStatusTable.Summary(snapshot, session.Recorder.MeanStageSeconds, session.Recorder.DuplicateResults, outPath));
        return 0;
    }
}
