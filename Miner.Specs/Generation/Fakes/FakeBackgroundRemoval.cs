using Akka.Actor;
using Akka.TestKit;
using Miner.Specs.TestKit.Akka;
using Miner.Models.Generation;
using Miner.Models.Imaging;

namespace Miner.Specs.Generation.Fakes;

/// <summary>A scriptable background-removal backend; records the sizes of the images it was given.</summary>
public sealed class FakeBackgroundRemoval(IScheduler clock) : IBackgroundRemovalBackend
{
    public FakeCallScript Script { get; } = new(clock);

    public List<(int Width, int Height)> Inputs { get; } = new();

    public string Name => "fake background removal";

    public bool IsFallback => false;

    public Task<RgbaImage> RemoveBackgroundAsync(RgbaImage image, CancellationToken cancellation)
    {
        lock (Inputs) Inputs.Add((image.Width, image.Height));
        return Script.Invoke(() => new RgbaImage(image.Width, image.Height, (byte[])image.Pixels.Clone()), _ => null!, cancellation, "background removal");
    }
}
