using Miner.Models.Imaging;
using Miner.Models.Rendering;

namespace Miner.Specs.Rendering;

/// <summary>The validator's combine_images4 layout (splat-contract 5.6).</summary>
public sealed class GridPreviewSpecs
{
    private static RgbaImage Solid(byte value)
    {
        var image = new RgbaImage(518, 518);
        Array.Fill(image.Pixels, value);
        return image;
    }

    [Fact]
    public void Four_views_are_pasted_at_the_corners_of_a_1041_canvas()
    {
        var grid = GridPreview.Combine([Solid(10), Solid(20), Solid(30), Solid(40)]);
        Assert.Equal((1041, 1041), (grid.Width, grid.Height));
        Assert.Equal(10, grid.GetPixel(0, 0).R);
        Assert.Equal(10, grid.GetPixel(517, 517).R);
        Assert.Equal(20, grid.GetPixel(523, 0).R);
        Assert.Equal(30, grid.GetPixel(0, 523).R);
        Assert.Equal(40, grid.GetPixel(1040, 1040).R);
    }

    [Fact]
    public void The_five_pixel_gap_is_opaque_black()
    {
        var grid = GridPreview.Combine([Solid(200), Solid(200), Solid(200), Solid(200)]);
        foreach (var (x, y) in new[] { (518, 0), (522, 300), (0, 518), (300, 522), (520, 520) })
            Assert.Equal(((byte)0, (byte)0, (byte)0, (byte)255), grid.GetPixel(x, y));
    }

    [Fact]
    public void The_grid_holds_production_views_1_5_9_13()
    {
        var cloud = RenderBenchmark.SyntheticCloud(1500);
        var grid = GridPreview.Render(cloud);
        var view9 = SplatRasterizer.Render(cloud, ProductionViews.Camera(9));
        Assert.Equal(view9.Pixels, grid.Crop(0, 523, 518, 518).Pixels);
    }

    [Fact]
    public void Views_of_different_sizes_are_refused()
    {
        Assert.Throws<ArgumentException>(() => GridPreview.Combine([Solid(1), Solid(1), Solid(1), new RgbaImage(10, 10)]));
    }
}
