using Miner.Models.Configuration.Rules;

namespace Miner.Actors.Generation;

/// <summary>The text-to-image service of a card (SD3.5 Large Turbo, FLUX.1-schnell) and what it is asked for.</summary>
public sealed class TextToImageServiceOptions : BackendServiceOptions
{
    public string NegativePrompt { get; set; } = "";

    [Between(64, 4096)]
    public int Width { get; set; } = 1024;

    [Between(64, 4096)]
    public int Height { get; set; } = 1024;

    [Between(1, 1000)]
    public int Steps { get; set; } = 4;

    public override IEnumerable<(string Key, string Problem)> Problems(bool fallbackAvailable)
    {
        foreach (var problem in base.Problems(fallbackAvailable)) yield return problem;
    }
}
