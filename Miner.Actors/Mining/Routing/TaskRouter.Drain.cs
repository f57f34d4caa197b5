using Akka.Actor;
using Akka.Event;
using Miner.Actors.Akka.Logging;
using Miner.Actors.Mining.Ledger;

namespace Miner.Actors.Mining.Routing;

/// <summary>The router's part of a drain: stop pulling, finish or decline what is in flight, tell who waits; resume.</summary>
public sealed partial class TaskRouter
{
    private void OnStopPulling()
    {
        _draining = true;
        Log.Info("draining: no more pulls; {Count} task(s) in flight", _inFlight.Count);
        foreach (var waiting in _inFlight.Values.Where(t => t.Stage == InFlightStage.Waiting).ToList())
            Decline(waiting, "the miner is shutting down and no GPU has it yet");
        Sender.Tell(new PullingStopped(_inFlight.Count));
        ReplyIfDrained();
    }

    private void OnResumePulling()
    {
        var wasStopped = _draining;
        _draining = false;
        if (wasStopped) Log.Info("pulling resumed by the operator; {Count} task(s) in flight", _inFlight.Count);
        Sender.Tell(new PullingResumed(wasStopped, _inFlight.Count));
        Dispatch();
    }

    private void OnDeclineInFlight(DeclineInFlight m)
    {
        foreach (var t in _inFlight.Values.Where(t => t.Stage != InFlightStage.Submitting).ToList()) Decline(t, m.Reason);
        ReplyIfDrained();
    }

    private void ReplyIfDrained()
    {
        if (!_draining || _inFlight.Count > 0) return;
        foreach (var waiter in _drainWaiters) waiter.Tell(Drained.Instance, Self);
        _drainWaiters.Clear();
    }
}
