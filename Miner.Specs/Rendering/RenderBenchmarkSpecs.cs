using Miner.Models.Rendering;

namespace Miner.Specs.Rendering;

public sealed class RenderBenchmarkSpecs
{
    [Fact]
    public void The_synthetic_cloud_is_deterministic_and_renders_something()
    {
        var first = RenderBenchmark.SyntheticCloud(2000);
        Assert.Equal(first.Positions, RenderBenchmark.SyntheticCloud(2000).Positions);
        var image = SplatRasterizer.Render(first, ProductionViews.Camera(1));
        Assert.Contains(image.Pixels, b => b != 255);
    }

    [Fact]
    public void Milliseconds_per_view_is_positive()
    {
        Assert.True(RenderBenchmark.MillisecondsPerView(2000, views: 2) > 0);
    }
}
