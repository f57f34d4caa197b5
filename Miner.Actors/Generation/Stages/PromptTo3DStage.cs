using Akka.Actor;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Logging;
using Miner.Models.Generation;

namespace Miner.Actors.Generation;

/// <summary>
/// The monolithic layout's one GPU stage: the task's prompt (text, or the base64 image) to activated gaussians
/// through a subnet-style generation service; the PLY-write stage then cleans, normalises and gates them.
/// </summary>
public sealed class PromptTo3DStage(IPromptTo3DBackend backend, TimeSpan timeout, double maxNonFiniteShare)
    : GenerationStage<GenerateRequest>(StageNames.Generate, timeout)
{
    public static Props Props(IPromptTo3DBackend backend, TimeSpan timeout, double maxNonFiniteShare) =>
        global::Akka.Actor.Props.Create(() => new PromptTo3DStage(backend, timeout, maxNonFiniteShare));

    protected override Task<object?> Run(GenerateRequest request, CancellationToken cancellation) =>
        StageOutputs.Box(backend.GenerateAsync(request.Prompt, cancellation));

    protected override string? Inspect(object output) => StageOutputs.InspectSplats(output, maxNonFiniteShare);
}
