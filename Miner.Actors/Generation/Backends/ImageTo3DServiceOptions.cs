using Miner.Models.Configuration.Rules;

namespace Miner.Actors.Generation;

/// <summary>The image-to-3D service of a card (a TRELLIS microservice) and its sampler steps.</summary>
public sealed class ImageTo3DServiceOptions : BackendServiceOptions
{
    [Between(1, 1000)]
    public int SamplerSteps { get; set; } = 12;

    public override IEnumerable<(string Key, string Problem)> Problems(bool fallbackAvailable)
    {
        foreach (var problem in base.Problems(fallbackAvailable)) yield return problem;
    }
}
