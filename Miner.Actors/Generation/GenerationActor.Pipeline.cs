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

/// <summary>The pipeline: decoding the prompt, dispatching stages in order, collecting their results.</summary>
public sealed partial class GenerationActor
{
    // ---- the pipeline ----

    /// <summary>The verdict figure the self-scoring gate writes the validation service's score to.</summary>
    private const string PredictedScoreFigure = "predicted-score";

    private void BeginDecode(TaskRun run)
    {
        run.Stage = StageNames.Decode;
        run.StageStarted = Context.System.Scheduler.Now;
        var (taskId, attempt, prompt) = (run.Task.TaskId, run.Attempt, run.Task.Prompt);
        Task.Factory.StartNew(() => DecodePrompt(prompt), CancellationToken.None, TaskCreationOptions.DenyChildAttach, _cpu)
            .PipeTo(Self, success: image => new ImageDecoded(taskId, attempt, image, null),
                failure: error => new ImageDecoded(taskId, attempt, null, error.Message));
    }

    /// <summary>The validator's image prompt is base64 PNG (JPEG and WebP also decode); anything else is refused with the decoder's one-line reason.</summary>
    private static RgbaImage DecodePrompt(string prompt)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(prompt.Trim());
        }
        catch (FormatException)
        {
            throw new FormatException($"the image prompt is not valid base64 ({prompt.Length} chars)");
        }
        if (bytes.Length == 0) throw new FormatException("the image prompt is empty");
        return ImageCodec.Decode(bytes);
    }

    private void OnImageDecoded(ImageDecoded decoded)
    {
        if (_current is not { } run || run.Task.TaskId != decoded.TaskId || run.Attempt != decoded.Attempt || run.Stage != StageNames.Decode) return;
        run.RecordStage(Context.System.Scheduler.Now, decoded.Image is not null);
        if (decoded.Image is null)
        {
            Finish(GenerationOutcome.Declined, null, $"the image prompt is unusable: {decoded.Error}", null);
            return;
        }
        run.Image = decoded.Image;
        Begin(StageNames.Mask);
    }

    private void Begin(string stage)
    {
        var run = _current!;
        run.Stage = stage;
        run.Dispatched = false;
        Dispatch();
    }

    /// <summary>Sends the current task's request to its stage, unless the stage is absent (backing off) or busy.</summary>
    private void Dispatch()
    {
        if (_current is not { Dispatched: false } run || run.Stage == StageNames.Decode) return;
        if (_stages.GetValueOrDefault(run.Stage) is not { } stage || _inFlight.ContainsKey(run.Stage)) return;
        var (id, attempt) = (run.Task.TaskId, run.Attempt);
        StageRequest request = run.Stage switch
        {
            StageNames.Image => new ImageRequest(id, attempt, run.Task.Prompt, run.Seed),
            StageNames.Mask => new MaskRequest(id, attempt, run.Image!),
            StageNames.Trellis => new TrellisRequest(id, attempt, run.Rgba!, run.Seed),
            StageNames.Generate => new GenerateRequest(id, attempt, run.Task.Prompt),
            _ => new PlyWriteRequest(id, attempt, run.Splats!, new GenerationPrompt(run.Task.Kind, run.Task.Prompt)),
        };
        run.Dispatched = true;
        run.StageStarted = Context.System.Scheduler.Now;
        _inFlight[run.Stage] = (id, attempt);
        stage.Tell(request, Self);
    }

    private void OnStageCompleted(StageCompleted done)
    {
        if (_inFlight.TryGetValue(done.Stage, out var flight) && flight == (done.TaskId, done.Attempt)) _inFlight.Remove(done.Stage);
        if (_probe is { } probe && probe.Id == done.TaskId)
        {
            OnProbeStep(probe, done);
            return;
        }
        if (_current is not { } run || run.Task.TaskId != done.TaskId || run.Attempt != done.Attempt || run.Stage != done.Stage)
        {
            Log.Debug("{Gpu}: ignoring a stale {Stage} result for {TaskId} attempt {Attempt}", _gpu, done.Stage, done.TaskId, done.Attempt);
            return;
        }
        run.RecordStage(Context.System.Scheduler.Now, true);
        _stageFailures[done.Stage] = 0;
        switch (done.Output)
        {
            case RgbaImage image when done.Stage == StageNames.Image:
                run.Image = image;
                Begin(StageNames.Mask);
                break;
            case RgbaImage rgba when done.Stage == StageNames.Mask:
                run.Rgba = rgba;
                Begin(StageNames.Trellis);
                break;
            case ActivatedSplats splats when done.Stage is StageNames.Trellis or StageNames.Generate:
                run.Splats = splats;
                Begin(StageNames.PlyWrite);
                break;
            case PlyWriteOutput written when done.Stage == StageNames.PlyWrite:
                OnWritten(run, written);
                break;
            default:
                // A stage answering with the wrong type is a bug in the stage, never a reason to leave the task hanging.
                Finish(GenerationOutcome.Declined, null, $"the {done.Stage} stage answered with {done.Output.GetType().Name}", null);
                break;
        }
    }

    private void OnWritten(TaskRun run, PlyWriteOutput written)
    {
        _consecutiveFailures = 0; // the whole pipeline answered: the card works, whatever the gate thinks of the cloud
        var verdict = written.Verdict;
        switch (verdict.Decision)
        {
            case GateDecision.Submit:
                Finish(GenerationOutcome.Generated, written.Cloud,
                    $"passed the gate with {written.Cloud.Count} gaussians ({written.Repair.DroppedNonFinite} non-finite dropped); {written.Opacity.Reason}", verdict);
                break;
            case GateDecision.Retry when run.GateRetries < _options.GateRetries && TimeLeft(run) >= _options.MinTimeLeftForRetry:
                run.GateRetries++;
                run.Attempt++;
                run.Seed = NextSeed(run.Task.Seed, run.Attempt);
                Log.Info("{Gpu}: {TaskId} gate said {Verdict}; regenerating with seed {Seed} (attempt {Attempt})", _gpu, run.Task.TaskId, verdict, run.Seed, run.Attempt);
                // A generate endpoint takes no seed: calling it again draws the service's own new sample.
                if (_backends.IsMonolithic) Begin(StageNames.Generate);
                else if (run.Task.Kind == TaskKind.Text) Begin(StageNames.Image);
                else Begin(StageNames.Trellis);
                break;
            case GateDecision.Retry:
                var why = run.GateRetries >= _options.GateRetries
                    ? $"the retry budget ({_options.GateRetries}) is spent"
                    : $"only {Seconds(TimeLeft(run))} s are left before the deadline";
                Finish(GenerationOutcome.Declined, null, $"the gate said {verdict} but {why}", verdict);
                break;
            default:
                Finish(GenerationOutcome.Declined, null, $"the gate said {verdict}", verdict);
                break;
        }
    }

    private void Finish(GenerationOutcome outcome, GaussianCloud? cloud, string reason, GateVerdict? verdict)
    {
        var run = _current!;
        _current = null;
        Report(run.Task, outcome, cloud, reason, run.Timings, verdict, run.Attempt, run.Started);
        StartNextIfIdle();
    }

    private void Report(GenerationTask task, GenerationOutcome outcome, GaussianCloud? cloud, string reason,
        IReadOnlyList<StageTiming> timings, GateVerdict? verdict, int attempts, DateTimeOffset? started)
    {
        if (outcome == GenerationOutcome.Generated) _completed++;
        else _declined++;
        double? predicted = verdict?.Figures.TryGetValue(PredictedScoreFigure, out var score) == true ? score : null;
        // Only a submitted cloud gets the validator's feedback to compare the prediction with.
        if (predicted is { } p && outcome == GenerationOutcome.Generated) Context.System.EventStream.Publish(new ScorePredicted(task.TaskId, _gpu, p));
        _router.Tell(new GenerationResult(task.TaskId, _gpu, outcome, cloud, reason, timings.ToArray(), verdict, predicted), Self);
        var elapsed = started is { } s ? Context.System.Scheduler.Now - s : TimeSpan.Zero;
        var stages = string.Join(" ", timings.Select(t => $"{t.Stage}#{t.Attempt}={Seconds(t.Elapsed)}s{(t.Succeeded ? "" : "!")}"));
        Log.With("TaskId", task.TaskId).With("Gpu", _gpu).With("Outcome", outcome).With("Attempts", attempts)
            .Info("{Gpu}: {TaskId} {Outcome} after {Attempts} attempt(s) in {Elapsed} s [{Stages}]: {Reason}",
                [_gpu, task.TaskId, outcome, attempts, Seconds(elapsed), stages, reason]);
    }
}
