namespace Miner.Actors.Mining.Scoring;

/// <summary>
/// Self-scoring predictions (<see cref="Generation.ScorePredicted"/>) waiting for the validator's answer to the same
/// task. Bounded: a task whose answer never comes (declined, given up) is forgotten once newer ones push it out.
/// Not journaled: after a restart the few predictions in flight are lost, the answers are still recorded.
/// </summary>
public sealed class PendingPredictions(int capacity = 4096)
{
    private readonly Dictionary<string, double> _byTask = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public int Count => _byTask.Count;

    public void Add(string taskId, double score)
    {
        if (!double.IsFinite(score)) return;
        if (_byTask.TryAdd(taskId, score)) _order.Enqueue(taskId);
        else _byTask[taskId] = score;
        while (_byTask.Count > capacity && _order.TryDequeue(out var oldest)) _byTask.Remove(oldest);
    }

    /// <summary>The prediction for <paramref name="taskId"/>, removed; null when there is none.</summary>
    public double? Take(string taskId) => _byTask.Remove(taskId, out var score) ? score : null;
}
