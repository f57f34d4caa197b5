using Miner.Actors.Generation;
using Akka.Actor;
using Akka.TestKit;
using Miner.Specs.TestKit.Akka;

namespace Miner.Specs.Generation.Fakes;

/// <summary>
/// A stand-in for the task router in the property spec: it hands out tasks from a pool only against demand
/// (a newer WorkRequest replaces the older one), drops a card's demand when it reports itself unhealthy, and
/// records every result by task id.
/// </summary>
public sealed class ScriptedRouter : ReceiveActor
{
    private readonly Dictionary<IActorRef, int> _owed = new();
    private readonly Dictionary<IActorRef, int> _inHand = new();

    /// <param name="health">Every health change reported, in order.</param>
    /// <param name="maxInHand">Per card, the most tasks it held at once (handed out, no result yet).</param>
    public ScriptedRouter(Queue<Func<GenerationTask>> pool, Dictionary<string, List<GenerationResult>> results, List<string> violations,
        List<GpuHealthChanged> health, Dictionary<string, int> maxInHand)
    {
        Receive<WorkRequest>(request =>
        {
            if (request.Slots <= 0) violations.Add($"{request.Gpu} asked for {request.Slots} slots");
            _owed[Sender] = request.Slots;
            Hand(pool);
        });
        Receive<GpuHealthChanged>(changed =>
        {
            health.Add(changed);
            if (!changed.Healthy) _owed[Sender] = 0;
        });
        Receive<GenerationResult>(result =>
        {
            if (!results.TryGetValue(result.TaskId, out var list)) violations.Add($"result for a task never handed out: {result.TaskId}");
            else list.Add(result);
            _inHand[Sender] = _inHand.GetValueOrDefault(Sender) - 1;
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
                    _inHand[gpu] = _inHand.GetValueOrDefault(gpu) + 1;
                    maxInHand[gpu.Path.Name] = Math.Max(maxInHand.GetValueOrDefault(gpu.Path.Name), _inHand[gpu]);
                    gpu.Tell(task, Self);
                }
        }
    }

    /// <summary>Hands out tasks to whoever still has demand (after the pool was refilled).</summary>
    public sealed record HandOut;
}
