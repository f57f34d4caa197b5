using Miner.Models.Imaging;
using Miner.Models.Rendering;
using Miner.Models.Splats;

namespace Miner.Host.Devnet;

/// <summary>
/// Renders a cloud with its coverage as alpha. The rasteriser composites over an opaque background, so this renders
/// twice, over white and over black: blending is linear, so white − black = 255 × transmittance per pixel, and the
/// black render is the premultiplied colour.
/// </summary>
public static class SilhouetteRenderer
{
    public static RgbaImage Render(GaussianCloud cloud, OrbitCamera camera, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        ArgumentNullException.ThrowIfNull(camera);
        var white = SplatRasterizer.Render(cloud, camera, RenderOptions.Production with { MaxDegreeOfParallelism = maxDegreeOfParallelism });
        var black = SplatRasterizer.Render(cloud, camera, RenderOptions.Production with
        {
            BackgroundR = 0, BackgroundG = 0, BackgroundB = 0, MaxDegreeOfParallelism = maxDegreeOfParallelism,
        });
        var result = new RgbaImage(camera.Width, camera.Height);
        var w = white.Pixels;
        var b = black.Pixels;
        var o = result.Pixels;
        for (var p = 0; p < o.Length; p += 4)
        {
            var transmittance = ((w[p] - b[p]) + (w[p + 1] - b[p + 1]) + (w[p + 2] - b[p + 2])) / (3 * 255.0);
            var alpha = Math.Clamp(1 - transmittance, 0, 1);
            o[p + 3] = (byte)Math.Round(alpha * 255);
            if (alpha <= 0) continue;
            for (var c = 0; c < 3; c++) o[p + c] = (byte)Math.Clamp(Math.Round(b[p + c] / alpha), 0, 255);
        }
        return result;
    }
}
