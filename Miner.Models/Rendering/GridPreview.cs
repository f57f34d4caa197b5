using Miner.Models.Imaging;
using Miner.Models.Splats;

namespace Miner.Models.Rendering;

/// <summary>
/// The validator's 2 x 2 grid preview (splat-contract 5.6, <c>combine_images4</c>): production views 1, 5, 9, 13
/// (theta 24, 120, 216, 312; phi -15) at 518 x 518 pasted on a black canvas with a 5-pixel gap, 1041 x 1041 in all,
/// no resize. This is the image the duel judge compares, so it is what the miner should look at too.
/// </summary>
public static class GridPreview
{
    /// <summary>Black pixels between the four views.</summary>
    public const int Gap = 5;

    /// <summary>Side of the grid: 2 x 518 + 5 = 1041.</summary>
    public const int Size = 2 * ProductionViews.ImageSize + Gap;

    /// <summary>Normalises <paramref name="cloud"/> as the validator does (reference size 1.5) and renders the grid.</summary>
    public static RgbaImage Render(GaussianCloud cloud, RenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        options ??= RenderOptions.Production;
        return Render(ValidatorNormalization.Apply(cloud, options.ReferenceSize), options);
    }

    /// <summary>Renders the grid of an already normalised cloud.</summary>
    public static RgbaImage Render(NormalizedSplats splats, RenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(splats);
        options ??= RenderOptions.Production;
        var views = ProductionViews.GridViews.Select(v => SplatRasterizer.Render(splats, ProductionViews.Camera(v), options)).ToArray();
        return Combine(views);
    }

    /// <summary>Pastes four equal square views at (0, 0), (W + gap, 0), (0, H + gap), (W + gap, H + gap) on black.</summary>
    public static RgbaImage Combine(IReadOnlyList<RgbaImage> views)
    {
        ArgumentNullException.ThrowIfNull(views);
        if (views.Count != 4) throw new ArgumentException($"a grid needs 4 views, got {views.Count}", nameof(views));
        int w = views[0].Width, h = views[0].Height;
        if (views.Any(v => v.Width != w || v.Height != h))
            throw new ArgumentException("the four views of a grid must have the same size", nameof(views));
        var grid = new RgbaImage(2 * w + Gap, 2 * h + Gap);
        var pixels = grid.Pixels;
        // combine_images4 starts from a black RGB canvas: opaque black, so the gap stays black in the PNG.
        for (var p = 3; p < pixels.Length; p += 4) pixels[p] = 255;
        for (var k = 0; k < 4; k++)
        {
            int ox = k % 2 * (w + Gap), oy = k / 2 * (h + Gap);
            for (var y = 0; y < h; y++)
                Buffer.BlockCopy(views[k].Pixels, 4 * y * w, pixels, 4 * ((oy + y) * grid.Width + ox), 4 * w);
        }
        return grid;
    }
}
