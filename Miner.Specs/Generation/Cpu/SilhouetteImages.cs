using Miner.Models.Imaging;
using Miner.Models.Rendering;
using Miner.Models.Splats;

namespace Miner.Specs.Generation.Cpu;

/// <summary>Test inputs for the CPU backends: anti-aliased shapes with their true masks, and masks of renders.</summary>
internal static class SilhouetteImages
{
    /// <summary>A shape given as an inside test on the unit square [0, 1] x [0, 1] (y down).</summary>
    public delegate bool Shape(double u, double v);

    public static Shape Disc => (u, v) => (u - 0.5) * (u - 0.5) + (v - 0.5) * (v - 0.5) <= 0.3 * 0.3;

    public static Shape Box => (u, v) => u is >= 0.25 and <= 0.8 && v is >= 0.3 and <= 0.7;

    public static Shape LShape => (u, v) => (u is >= 0.2 and <= 0.45 && v is >= 0.15 and <= 0.85) || (u is >= 0.2 and <= 0.8 && v is >= 0.6 and <= 0.85);

    public static Shape Named(string name) => name switch
    {
        "disc" => Disc,
        "box" => Box,
        "L" => LShape,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown shape"),
    };

    /// <summary>Coverage of each pixel by the shape, from 4 x 4 supersampling.</summary>
    public static float[] Coverage(Shape shape, int size)
    {
        var coverage = new float[size * size];
        for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
            {
                var hits = 0;
                for (var sy = 0; sy < 4; sy++)
                    for (var sx = 0; sx < 4; sx++)
                        if (shape((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size)) hits++;
                coverage[y * size + x] = hits / 16f;
            }
        return coverage;
    }

    public static bool[] TrueMask(float[] coverage) => coverage.Select(c => c >= 0.5f).ToArray();

    /// <summary>The shape in a colour over an opaque background colour, edges blended by coverage.</summary>
    public static RgbaImage OnBackground(float[] coverage, int size, (byte R, byte G, byte B) fill, (byte R, byte G, byte B) background)
    {
        var image = new RgbaImage(size, size);
        for (var i = 0; i < coverage.Length; i++)
        {
            var c = coverage[i];
            image.Pixels[4 * i] = (byte)Math.Round(fill.R * c + background.R * (1 - c));
            image.Pixels[4 * i + 1] = (byte)Math.Round(fill.G * c + background.G * (1 - c));
            image.Pixels[4 * i + 2] = (byte)Math.Round(fill.B * c + background.B * (1 - c));
            image.Pixels[4 * i + 3] = 255;
        }
        return image;
    }

    /// <summary>The shape in a colour with alpha = coverage, transparent elsewhere (what a background remover returns).</summary>
    public static RgbaImage Transparent(float[] coverage, int size, (byte R, byte G, byte B) fill)
    {
        var image = new RgbaImage(size, size);
        for (var i = 0; i < coverage.Length; i++)
        {
            image.Pixels[4 * i] = fill.R;
            image.Pixels[4 * i + 1] = fill.G;
            image.Pixels[4 * i + 2] = fill.B;
            image.Pixels[4 * i + 3] = (byte)Math.Round(255 * coverage[i]);
        }
        return image;
    }

    public static bool[] AlphaMask(RgbaImage image, int threshold = 128)
    {
        var mask = new bool[image.Width * image.Height];
        for (var i = 0; i < mask.Length; i++) mask[i] = image.Pixels[4 * i + 3] >= threshold;
        return mask;
    }

    /// <summary>
    /// Pixels the cloud covers from the camera: rendered over white and over black, the difference is the
    /// transmittance, so a pixel is covered when less than half the background shows through, whatever its colour.
    /// </summary>
    public static bool[] RenderedMask(GaussianCloud cloud, OrbitCamera camera)
    {
        var white = SplatRasterizer.Render(cloud, camera);
        var black = SplatRasterizer.Render(cloud, camera, RenderOptions.Production with { BackgroundR = 0, BackgroundG = 0, BackgroundB = 0 });
        var mask = new bool[camera.Width * camera.Height];
        for (var i = 0; i < mask.Length; i++)
        {
            var showThrough = 0;
            for (var c = 0; c < 3; c++) showThrough = Math.Max(showThrough, white.Pixels[4 * i + c] - black.Pixels[4 * i + c]);
            mask[i] = showThrough < 128;
        }
        return mask;
    }

    public static double Iou(bool[] a, bool[] b)
    {
        int both = 0, either = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] && b[i]) both++;
            if (a[i] || b[i]) either++;
        }
        return either == 0 ? 1 : (double)both / either;
    }

    /// <summary>
    /// IoU of two masks after cropping each to the square around its bounding box and resampling both onto one grid: the shape
    /// comparison the fidelity proxy cares about, free of where and how large the object sits in each frame.
    /// </summary>
    public static double ShapeIou(bool[] a, int aWidth, bool[] b, int bWidth, int grid = 160)
    {
        var ra = Normalised(a, aWidth, grid);
        var rb = Normalised(b, bWidth, grid);
        return Iou(ra, rb);
    }

    private static bool[] Normalised(bool[] mask, int width, int grid)
    {
        var height = mask.Length / width;
        int minX = width, minY = height, maxX = -1, maxY = -1;
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                if (mask[y * width + x])
                {
                    minX = Math.Min(minX, x);
                    maxX = Math.Max(maxX, x);
                    minY = Math.Min(minY, y);
                    maxY = Math.Max(maxY, y);
                }
        if (maxX < 0) return new bool[grid * grid];
        // One scale for both axes (the longer side), so a squashed or stretched shape still counts against the IoU.
        double side = Math.Max(maxX - minX + 1, maxY - minY + 1);
        double left = (minX + maxX + 1) / 2.0 - side / 2, top = (minY + maxY + 1) / 2.0 - side / 2;
        var result = new bool[grid * grid];
        for (var gy = 0; gy < grid; gy++)
            for (var gx = 0; gx < grid; gx++)
            {
                var x = (int)Math.Floor(left + (gx + 0.5) * side / grid);
                var y = (int)Math.Floor(top + (gy + 0.5) * side / grid);
                result[gy * grid + gx] = (uint)x < (uint)width && (uint)y < (uint)height && mask[y * width + x];
            }
        return result;
    }
}
