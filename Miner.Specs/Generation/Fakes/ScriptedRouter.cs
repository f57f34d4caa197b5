using Miner.Actors.Generation;
using Miner.Actors.Kernel;

namespace Miner.Specs.Generation.Fakes;

/// <summary>
/// A stand-in for the task router in the property spec: it hands out tasks from a pool only against demand
/// (a newer WorkRequest replaces the older one), drops a card's demand when it reports itself unhealthy, and
/// records every result by task id.
/// </summary>
public sealed class ScriptedRouter : ReceiveActor
{
    private readonly Dictionary<IActorRef, int> _owed = new();

    public ScriptedRouter(Queue<Func<GenerationTask>> pool, Dictionary<string, List<GenerationResult>> results, List<string> violations)
    {
        Receive<WorkRequest>(request =>
        {
            if (request.Slots <= 0) violations.Add($"{request.Gpu} asked for {request.Slots} slots");
            _owed[Sender] = request.Slots;
            Hand(pool);
        });
        Receive<GpuHealthChanged>(changed =>
        {
            if (!changed.Healthy) _owed[Sender] = 0;
        });
        Receive<GenerationResult>(result =>
        {
            if (!results.TryGetValue(result.TaskId, out var list)) violations.Add($"result for a task never handed out: {result.TaskId}");
            else list.Add(result);
        });
        Receive<HandOut>(_ => Hand(pool));
        return;

        void Hand(Queue<Func<GenerationTask>> tasks)
        {
            foreach (var gpu in _owed.Keys.ToList())
                while (_owed[gpu] > 0 && tasks.TryDequeue(out var next))
                {
                    var task = next();
                    results[task.TaskId] = new List<GenerationResult>();
                    _owed[gpu]--;
                    gpu.Tell(task, Self);
                }
        }
    }

    /// <summary>Hands out tasks to whoever still has demand (after the pool was refilled).</summary>
    public sealed record HandOut;
}
