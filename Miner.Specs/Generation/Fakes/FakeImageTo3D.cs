using Akka.Actor;
using Akka.TestKit;
using Miner.Specs.TestKit.Akka;
using Miner.Models.Generation;
using Miner.Models.Imaging;
using Miner.Models.Splats;

namespace Miner.Specs.Generation.Fakes;

/// <summary>A scriptable image-to-3D backend answering a small, valid activated cloud; records seeds.</summary>
public sealed class FakeImageTo3D(IScheduler clock, int gaussians = 200) : IImageTo3DBackend
{
    public FakeCallScript Script { get; } = new(clock);

    public List<int> Seeds { get; } = new();

    public string Name => "fake image-to-3D";

    public bool IsFallback => false;

    public Task<ActivatedSplats> GenerateAsync(RgbaImage rgba, int seed, CancellationToken cancellation)
    {
        lock (Seeds) Seeds.Add(seed);
        return Script.Invoke(() => Cloud(gaussians, seed), nan => nan ? NaNCloud(gaussians) : new ActivatedSplats(0), cancellation, "image-to-3D");
    }

    public static ActivatedSplats Cloud(int count, int seed)
    {
        var random = new Random(seed);
        var splats = new ActivatedSplats(count);
        for (var i = 0; i < count; i++)
        {
            for (var axis = 0; axis < 3; axis++)
            {
                splats.Positions[3 * i + axis] = (float)(random.NextDouble() * 2 - 1);
                splats.Colours[3 * i + axis] = (float)random.NextDouble();
                splats.Scales[3 * i + axis] = 0.01f;
            }
            splats.Opacities[i] = 0.95f;
            splats.Rotations[4 * i] = 1;
        }
        return splats;
    }

    private static ActivatedSplats NaNCloud(int count)
    {
        var splats = Cloud(count, 1);
        for (var i = 0; i < count * 3 / 4; i++) splats.Positions[3 * i] = float.NaN;
        return splats;
    }
}
