using Miner.Actors.Generation;
using Akka.Actor;
using Miner.Actors.Akka.Introspection;
using Akka.TestKit;
using Miner.Specs.TestKit.Akka;
using Miner.Models.Splats;

namespace Miner.Specs.Mining.Fakes;

/// <summary>
/// A GPU actor for specs following the GenerationActor contract: asks the router for <c>2 − held</c> tasks, works one
/// at a time for <see cref="FakeGpuBehaviour.GenerationTime"/>, and reports a <see cref="GenerationResult"/>.
/// </summary>
public sealed class FakeGpu : IntrospectiveReceiveActor
{
    private readonly string _name;
    private readonly IActorRef _router;
    private readonly FakeGpuBehaviour _behaviour;
    private readonly Queue<GenerationTask> _queue = new();
    private GenerationTask? _running;

    public FakeGpu(string name, IActorRef router, FakeGpuBehaviour behaviour)
    {
        _name = name;
        _router = router;
        _behaviour = behaviour;
        Receive<GenerationTask>(task =>
        {
            _behaviour.Received++;
            if (_behaviour.DieOnNextTask)
            {
                _behaviour.DieOnNextTask = false;
                Context.Stop(Self);
                return;
            }
            _queue.Enqueue(task);
            StartNext();
            RequestWork();
        });
        Receive<GpuStatusQuery>(_ => Sender.Tell(new GpuStatus(_name, true, _running?.TaskId, _running is null ? null : "fake", _running is null ? 0 : 1,
            _queue.Count, 0, 0, 0)));
        Receive<string>(s => s == "done", _ =>
        {
            var task = _running!;
            _running = null;
            var cloud = _behaviour.Decline ? null : new GaussianCloud(8000, 0);
            _router.Tell(new GenerationResult(task.TaskId, _name, _behaviour.Decline ? GenerationOutcome.Declined : GenerationOutcome.Generated,
                cloud, _behaviour.Decline ? "fake decline" : "fake", [], null), Self);
            StartNext();
            RequestWork();
        });
    }

    protected override void PreStart() => RequestWork();

    private void StartNext()
    {
        if (_running is not null || _queue.Count == 0) return;
        _running = _queue.Dequeue();
        Timers.StartSingleTimer("done", "done", _behaviour.GenerationTime);
    }

    private void RequestWork()
    {
        var wanted = _behaviour.Draining ? 0 : Math.Max(0, 2 - _queue.Count - (_running is null ? 0 : 1));
        _router.Tell(new WorkRequest(_name, wanted), Self);
    }
}
