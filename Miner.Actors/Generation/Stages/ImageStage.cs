using Akka.Actor;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Logging;
using Miner.Models.Generation;
using Miner.Models.Imaging;

namespace Miner.Actors.Generation;

/// <summary>Text prompt to image through the card's text-to-image backend.</summary>
public sealed class ImageStage(ITextToImageBackend backend, TimeSpan timeout) : GenerationStage<ImageRequest>(StageNames.Image, timeout)
{
    public static Props Props(ITextToImageBackend backend, TimeSpan timeout) => global::Akka.Actor.Props.Create(() => new ImageStage(backend, timeout));

    protected override Task<object?> Run(ImageRequest request, CancellationToken cancellation) =>
        StageOutputs.Box(backend.GenerateAsync(request.Prompt, request.Seed, cancellation));

    protected override string? Inspect(object output) => StageOutputs.InspectImage(output, "text-to-image");
}
