using System.Collections.Concurrent;
using Miner.Actors.Generation;
using Miner.Host.Commands.Generation;
using Serilog;

namespace Miner.Host.Commands.Devnet;

/// <summary>
/// The miner's side of a devnet run: every <see cref="GenerationResult"/> the GPU pools report (counted by outcome,
/// with stage timings), and each generated cloud written as PLY, SPZ and grid PNG under the output folder. Called
/// from GPU wrapper actors on any thread; file writing runs on the thread pool.
/// </summary>
public sealed class GenerationRecorder(string outDirectory, ILogger log)
{
    private readonly ConcurrentDictionary<string, int> _resultsPerTask = new();
    private readonly ConcurrentDictionary<string, (double Seconds, int Count)> _stageTimes = new();
    private readonly ConcurrentBag<Task> _writes = [];
    private readonly ConcurrentQueue<ResultPaths> _written = new();
    private int _generated;
    private int _declined;
    private int _writeFailures;

    public int Generated => Volatile.Read(ref _generated);

    public int Declined => Volatile.Read(ref _declined);

    public int WriteFailures => Volatile.Read(ref _writeFailures);

    /// <summary>Tasks the pools reported more than one result for (the pools promise exactly one).</summary>
    public int DuplicateResults => _resultsPerTask.Values.Count(n => n > 1);

    public int DistinctTasks => _resultsPerTask.Count;

    /// <summary>The result files written so far, in the order they were finished.</summary>
    public IReadOnlyList<ResultPaths> Written => _written.ToArray();

    /// <summary>Mean seconds of each stage over its successful runs.</summary>
    public IReadOnlyDictionary<string, double> MeanStageSeconds =>
        _stageTimes.ToDictionary(p => p.Key, p => p.Value.Seconds / Math.Max(1, p.Value.Count));

    public void Record(GenerationResult result)
    {
        _resultsPerTask.AddOrUpdate(result.TaskId, 1, (_, n) => n + 1);
        foreach (var timing in result.Timings.Where(t => t.Succeeded))
            _stageTimes.AddOrUpdate(timing.Stage, (timing.Elapsed.TotalSeconds, 1), (_, v) => (v.Seconds + timing.Elapsed.TotalSeconds, v.Count + 1));
        if (result.Outcome == GenerationOutcome.Declined || result.Cloud is null)
        {
            Interlocked.Increment(ref _declined);
            log.Information("Task {TaskId} on {Gpu} declined (empty submission): {Reason}", result.TaskId, result.Gpu, result.Reason);
            return;
        }
        var cloud = result.Cloud;
        var path = Path.Combine(outDirectory, ResultFiles.SafeName(result.TaskId) + ".ply");
        _writes.Add(Task.Run(() =>
        {
            try
            {
                var paths = ResultFiles.Write(path, cloud);
                _written.Enqueue(paths);
                log.Information("Task {TaskId} on {Gpu}: {Count} gaussians written to {Ply}, {Spz}, {Grid}; gate {Verdict}",
                    result.TaskId, result.Gpu, cloud.Count, paths.Ply, paths.Spz, paths.Grid, result.Verdict);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                Interlocked.Increment(ref _writeFailures);
                log.Error(error, "Task {TaskId}: could not write its result files under {Out}", result.TaskId, outDirectory);
            }
        }));
        Interlocked.Increment(ref _generated); // after the write is registered, so FlushAsync covers every counted result
    }

    /// <summary>Waits for the result files still being written.</summary>
    public Task FlushAsync() => Task.WhenAll(_writes.ToArray());
}
