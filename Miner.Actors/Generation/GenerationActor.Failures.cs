using System.Globalization;
using Akka.Actor;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Logging;
using Miner.Models.Imaging;
using Miner.Models.Protocol;
using Miner.Models.Splats;
using Miner.Models.Validation;

namespace Miner.Actors.Generation;

/// <summary>Failures: stage restarts with backoff, retry or decline, quarantine and the health probe.</summary>
public sealed partial class GenerationActor
{
    // ---- failures, backoff, quarantine ----

    private void OnTerminated(Terminated terminated)
    {
        if (_workerNames.TryGetValue(terminated.ActorRef, out var worker))
        {
            // A worker's supervisor does not stop by itself while the card runs: its process can no longer be trusted.
            MarkWorkerDown(terminated.ActorRef, $"the supervisor of worker {worker} stopped");
            return;
        }
        OnStageTerminated(terminated);
    }

    private void OnStageTerminated(Terminated terminated)
    {
        var name = _stages.FirstOrDefault(s => s.Value is not null && s.Value.Equals(terminated.ActorRef)).Key;
        if (name is null) return;
        _stages[name] = null;
        var cause = _failureCauses.Remove(name, out var failure) ? failure : null;
        var reason = cause is null ? $"the {name} stage stopped unexpectedly" : cause.Message;
        var failures = _stageFailures.GetValueOrDefault(name);
        _stageFailures[name] = failures + 1;
        var backoff = _options.BackoffFor(failures);
        Timers.StartSingleTimer(("recreate", name), new RecreateStage(name), backoff);
        _consecutiveFailures++;
        Log.Warning("{Gpu}: {Reason}; re-creating the {Stage} stage in {Backoff} s ({Failures} consecutive card failures)",
            _gpu, reason, name, Seconds(backoff), _consecutiveFailures);

        var quarantine = _healthy && _consecutiveFailures >= _options.UnhealthyAfterFailures;
        if (quarantine) _healthy = false; // before the task is finished, so nothing queued starts on this card
        _inFlight.Remove(name, out var flight);
        if (_probe is { } probe && flight.TaskId == probe.Id)
        {
            _probe = null;
            Log.Warning("{Gpu}: health probe failed: {Reason}; next probe in {Interval} s", _gpu, reason, Seconds(_options.ProbeInterval));
            Timers.StartSingleTimer(ProbeTimerKey, ProbeTick.Instance, _options.ProbeInterval);
        }
        else if (_current is { } run && flight == (run.Task.TaskId, run.Attempt) && run.Stage == name)
        {
            run.RecordStage(Context.System.Scheduler.Now, false);
            if (quarantine)
                Finish(GenerationOutcome.Declined, null, $"{reason}; the card is quarantined after {_consecutiveFailures} consecutive stage failures", null);
            else RetryOrDecline(run, reason);
        }
        if (quarantine) Quarantine(reason);
    }

    private void RetryOrDecline(TaskRun run, string reason)
    {
        var left = TimeLeft(run);
        if (run.FailureRetries < _options.FailureRetries && left >= _options.MinTimeLeftForRetry)
        {
            run.FailureRetries++;
            run.Attempt++;
            Log.Info("{Gpu}: retrying {TaskId} from the {Stage} stage (attempt {Attempt}) once the stage is back", _gpu, run.Task.TaskId, run.Stage, run.Attempt);
            Begin(run.Stage);
            return;
        }
        var why = run.FailureRetries >= _options.FailureRetries
            ? $"no retry left ({_options.FailureRetries} used)"
            : $"only {Seconds(left)} s left before the deadline";
        Finish(GenerationOutcome.Declined, null, $"{reason}; {why}", null);
    }

    private void Quarantine(string reason)
    {
        _owed = 0;
        StartNextIfIdle(); // declines whatever is queued
        var why = $"{_consecutiveFailures} consecutive stage failures, last: {reason}";
        Log.Error("{Gpu}: card marked unhealthy after {Why}; asking for no work and probing every {Interval} s", _gpu, why, Seconds(_options.ProbeInterval));
        _router.Tell(new GpuHealthChanged(_gpu, false, why), Self);
        Timers.StartSingleTimer(ProbeTimerKey, ProbeTick.Instance, _options.ProbeInterval);
    }

    private void CreateStage(string name)
    {
        var props = name switch
        {
            StageNames.Image => ImageStage.Props(_backends.TextToImage!, _options.ImageTimeout),
            StageNames.Mask => MaskStage.Props(_backends.BackgroundRemoval!, _options.MaskTimeout),
            StageNames.Trellis => TrellisStage.Props(_backends.ImageTo3D!, _options.TrellisTimeout, _options.MaxNonFiniteShare),
            StageNames.Generate => PromptTo3DStage.Props(_backends.PromptTo3D!, _options.TrellisTimeout, _options.MaxNonFiniteShare),
            _ => PlyWriteStage.Props(_gate, _splats, _options.PlyWriteTimeout, _cpu),
        };
        _stages[name] = Context.Watch(Context.ActorOf(props, name));
        Dispatch();
        DispatchProbe();
    }

    // ---- the health probe ----

    private void StartProbe()
    {
        if (_healthy || _probe is not null) return;
        _probe = new ProbeRun($"probe-{++_probeCount}", _backends.IsMonolithic ? StageNames.Generate : StageNames.Mask, ProbeImage.Create(),
            Context.System.Scheduler.Now);
        Log.Info("{Gpu}: running health probe {Probe}", _gpu, _probe.Id);
        DispatchProbe();
    }

    private void DispatchProbe()
    {
        if (_probe is not { Dispatched: false } probe) return;
        if (_stages.GetValueOrDefault(probe.Stage) is not { } stage || _inFlight.ContainsKey(probe.Stage)) return;
        StageRequest request = probe.Stage switch
        {
            StageNames.Mask => new MaskRequest(probe.Id, 1, probe.Input),
            // The monolithic endpoint takes an image task's base64 PNG as its prompt.
            StageNames.Generate => new GenerateRequest(probe.Id, 1, Convert.ToBase64String(ImageCodec.EncodePng(probe.Input))),
            _ => new TrellisRequest(probe.Id, 1, probe.Input, 0),
        };
        _probe = probe with { Dispatched = true };
        _inFlight[probe.Stage] = (probe.Id, 1);
        stage.Tell(request, Self);
    }

    private void OnProbeStep(ProbeRun probe, StageCompleted done)
    {
        if (done.Stage == StageNames.Mask && done.Output is RgbaImage rgba)
        {
            _probe = probe with { Stage = StageNames.Trellis, Input = rgba, Dispatched = false };
            DispatchProbe();
            return;
        }
        _probe = null;
        _healthy = true;
        _consecutiveFailures = 0;
        foreach (var stage in _stageFailures.Keys.ToList()) _stageFailures[stage] = 0;
        var took = Seconds(Context.System.Scheduler.Now - probe.Started);
        Log.Info("{Gpu}: health probe {Probe} passed in {Took} s; card healthy again", _gpu, probe.Id, took);
        var answered = _backends.IsMonolithic ? "prompt-to-3D" : "mask and image-to-3D";
        _router.Tell(new GpuHealthChanged(_gpu, true, $"health probe passed: {answered} answered in {took} s"), Self);
        AskForWork();
    }

    // ---- worker processes ----

    private void StartWorkers()
    {
        if (_workers is null) return;
        for (var i = 0; i < _workers.Processes.Count; i++)
        {
            var worker = _workers.Processes[i];
            var child = Context.Watch(Context.ActorOf(BackendProcessActor.Props(_gpu, _workers.Device, Self, worker.Options, _workers.Http), $"worker-{worker.Backend}-{i}"));
            _workerNames[child] = worker.Backend;
            // Starting: not healthy until its first good health check.
            _workersDown[child] = worker.Backend;
        }
    }

    /// <summary>A worker process became healthy or unhealthy (<see cref="BackendProcessActor"/> tells only on a change).</summary>
    private void OnWorkerHealth(GpuHealthChanged change)
    {
        if (!_workerNames.TryGetValue(Sender, out var name)) return;
        if (!change.Healthy)
        {
            MarkWorkerDown(Sender, change.Reason);
            return;
        }
        if (!_workersDown.Remove(Sender)) return;
        Log.Info("{Gpu}: worker {Worker} healthy: {Reason}", _gpu, name, change.Reason);
        if (_workersDown.Count > 0) return;
        // The router only heard of it if the card had gone down after asking for work.
        if (_announcedWorkersDown)
        {
            _announcedWorkersDown = false;
            if (_healthy) _router.Tell(new GpuHealthChanged(_gpu, true, "every worker process is healthy again"), Self);
        }
        AskForWork();
    }

    private void MarkWorkerDown(IActorRef worker, string reason)
    {
        var name = _workerNames[worker];
        var wasReady = Ready;
        _workersDown[worker] = name;
        Log.Warning("{Gpu}: worker {Worker} not healthy ({Reason}); the card asks for no work until it is", _gpu, name, reason);
        if (!wasReady) return;
        _owed = 0;
        _announcedWorkersDown = true;
        _router.Tell(new GpuHealthChanged(_gpu, false, $"worker {name}: {reason}"), Self);
        StartNextIfIdle(); // declines whatever is queued; the running task ends in its stage's retry or decline
    }
}
