using Akka.Actor;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Logging;
using Miner.Models.Splats;
using Miner.Models.Validation;

namespace Miner.Actors.Generation;

/// <summary>
/// Activated gaussians to the cloud that would be submitted: clean writing (clamped logit, log of clamped scales,
/// unit quaternions, non-finite rows dropped), the splat engine's adaptive opacity and geometry normalisation, then
/// the self-validation gate. All of it is CPU work, run on <paramref name="cpu"/> off the handler.
/// </summary>
public sealed class PlyWriteStage(ISplatGate gate, SplatOptions splats, TimeSpan timeout, TaskScheduler cpu)
    : GenerationStage<PlyWriteRequest>(StageNames.PlyWrite, timeout)
{
    public static Props Props(ISplatGate gate, SplatOptions splats, TimeSpan timeout, TaskScheduler cpu) =>
        global::Akka.Actor.Props.Create(() => new PlyWriteStage(gate, splats, timeout, cpu));

    protected override Task<object?> Run(PlyWriteRequest request, CancellationToken cancellation) =>
        Task.Factory.StartNew<object?>(() => Write(request.Splats, gate, splats, cancellation, request.Prompt), cancellation, TaskCreationOptions.DenyChildAttach, cpu);

    protected override string? Inspect(object output)
    {
        if (output is not PlyWriteOutput written) return $"expected a written cloud, got {output.GetType().Name}";
        return written.Cloud.Count == 0
            ? $"no usable gaussians after cleaning ({written.Repair.DroppedNonFinite} of {written.Repair.Input} dropped as non-finite)"
            : null;
    }

    /// <summary>The stage's work on its own, callable without an actor (benchmarks, the CLI).</summary>
    public static PlyWriteOutput Write(ActivatedSplats activated, ISplatGate gate, SplatOptions options, CancellationToken cancellation,
        GenerationPrompt? prompt = null)
    {
        var (cloud, repair) = ActivatedSplatEncoder.Encode(activated, options.CleanWrite);
        if (cloud.Count == 0)
        {
            var nothing = new OpacityNormalization(false, double.NaN, double.NaN, 0, "no gaussians left to normalise");
            var flat = new GeometryNormalization(false, false, default, 1, 0, 0, "no gaussians left to normalise");
            return new PlyWriteOutput(cloud, repair, nothing, flat,
                new GateVerdict(GateDecision.Decline, ["no usable gaussians after cleaning"], new Dictionary<string, double>()));
        }
        cancellation.ThrowIfCancellationRequested();
        var opacity = OpacityNormalizer.Normalize(cloud, options.Normalization);
        var geometry = GeometryNormalizer.Normalize(cloud, options.Normalization);
        cancellation.ThrowIfCancellationRequested();
        var verdict = (gate is IPromptAwareSplatGate aware && prompt is not null ? aware.Evaluate(cloud, prompt, cancellation) : gate.Evaluate(cloud, cancellation)) ?? throw new InvalidOperationException("the self-validation gate returned no verdict");
        return new PlyWriteOutput(cloud, repair, opacity, geometry, verdict);
    }
}
