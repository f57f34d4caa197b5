using Akka.Actor;
using Akka.TestKit;
using Miner.Specs.TestKit.Akka;
using Miner.Models.Generation;
using Miner.Models.Imaging;

namespace Miner.Specs.Generation.Fakes;

/// <summary>A scriptable text-to-image backend answering small images; records the seeds it was called with.</summary>
public sealed class FakeTextToImage(IScheduler clock) : ITextToImageBackend
{
    public FakeCallScript Script { get; } = new(clock);

    public List<int> Seeds { get; } = new();

    public string Name => "fake text-to-image";

    public bool IsFallback => false;

    public Task<RgbaImage> GenerateAsync(string prompt, int seed, CancellationToken cancellation)
    {
        lock (Seeds) Seeds.Add(seed);
        return Script.Invoke(() => new RgbaImage(16, 16), _ => null!, cancellation, "text-to-image");
    }
}
