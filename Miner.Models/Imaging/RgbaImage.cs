namespace Miner.Models.Imaging;

/// <summary>An 8-bit RGBA image, row-major, 4 bytes a pixel, straight (not premultiplied) alpha.</summary>
public sealed class RgbaImage
{
    public RgbaImage(int width, int height)
        : this(width, height, new byte[checked(RequirePositive(width, nameof(width)) * RequirePositive(height, nameof(height)) * 4)])
    {
    }

    public RgbaImage(int width, int height, byte[] pixels)
    {
        RequirePositive(width, nameof(width));
        RequirePositive(height, nameof(height));
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.LongLength != (long)width * height * 4)
            throw new ArgumentException($"expected {(long)width * height * 4} bytes for {width}x{height} RGBA, got {pixels.LongLength}", nameof(pixels));
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }
    public int Height { get; }

    /// <summary>R,G,B,A bytes, row after row; shared, not copied.</summary>
    public byte[] Pixels { get; }

    public (byte R, byte G, byte B, byte A) GetPixel(int x, int y)
    {
        var i = Index(x, y);
        return (Pixels[i], Pixels[i + 1], Pixels[i + 2], Pixels[i + 3]);
    }

    public void SetPixel(int x, int y, byte r, byte g, byte b, byte a = 255)
    {
        var i = Index(x, y);
        Pixels[i] = r;
        Pixels[i + 1] = g;
        Pixels[i + 2] = b;
        Pixels[i + 3] = a;
    }

    /// <summary>A copy of the rectangle; it must lie wholly inside the image.</summary>
    public RgbaImage Crop(int x, int y, int width, int height)
    {
        RequirePositive(width, nameof(width));
        RequirePositive(height, nameof(height));
        if (x < 0 || y < 0 || (long)x + width > Width || (long)y + height > Height)
            throw new ArgumentOutOfRangeException(nameof(x), $"crop {x},{y} {width}x{height} is outside the {Width}x{Height} image");
        var result = new RgbaImage(width, height);
        for (var row = 0; row < height; row++)
            Pixels.AsSpan(((y + row) * Width + x) * 4, width * 4).CopyTo(result.Pixels.AsSpan(row * width * 4));
        return result;
    }

    /// <summary>
    /// Separable Lanczos-3 resample. Works on premultiplied alpha so transparent pixels'
    /// colour does not bleed into visible ones; the kernel widens when shrinking so it also anti-aliases.
    /// </summary>
    public RgbaImage Resize(int width, int height)
    {
        RequirePositive(width, nameof(width));
        RequirePositive(height, nameof(height));
        var premultiplied = new float[Pixels.Length];
        for (var i = 0; i < Pixels.Length; i += 4)
        {
            var a = Pixels[i + 3] / 255f;
            premultiplied[i] = Pixels[i] * a;
            premultiplied[i + 1] = Pixels[i + 1] * a;
            premultiplied[i + 2] = Pixels[i + 2] * a;
            premultiplied[i + 3] = Pixels[i + 3];
        }

        // Horizontal pass: Height rows of the new width.
        var horizontal = new float[(long)Height * width * 4];
        var xWeights = LanczosWeights(Width, width);
        for (var y = 0; y < Height; y++)
            for (var x = 0; x < width; x++)
            {
                var (first, weights) = xWeights[x];
                var dst = (y * width + x) * 4;
                for (var k = 0; k < weights.Length; k++)
                {
                    var src = (y * Width + first + k) * 4;
                    var w = weights[k];
                    for (var c = 0; c < 4; c++) horizontal[dst + c] += premultiplied[src + c] * w;
                }
            }

        // Vertical pass, then back to straight alpha.
        var result = new RgbaImage(width, height);
        var yWeights = LanczosWeights(Height, height);
        Span<float> sum = stackalloc float[4];
        for (var y = 0; y < height; y++)
        {
            var (first, weights) = yWeights[y];
            for (var x = 0; x < width; x++)
            {
                sum.Clear();
                for (var k = 0; k < weights.Length; k++)
                {
                    var src = ((first + k) * width + x) * 4;
                    var w = weights[k];
                    for (var c = 0; c < 4; c++) sum[c] += horizontal[src + c] * w;
                }
                var dst = (y * width + x) * 4;
                var alpha = Math.Clamp(sum[3], 0f, 255f);
                result.Pixels[dst + 3] = (byte)MathF.Round(alpha);
                var scale = alpha > 0.5f / 255f ? 1f / (alpha / 255f) : 0f;
                for (var c = 0; c < 3; c++)
                    result.Pixels[dst + c] = (byte)MathF.Round(Math.Clamp(sum[c] * scale, 0f, 255f));
            }
        }
        return result;
    }

    /// <summary>Alpha-composites the image over a solid colour; the result is opaque.</summary>
    public RgbaImage CompositeOver(byte r, byte g, byte b)
    {
        var result = new RgbaImage(Width, Height);
        var dst = result.Pixels;
        for (var i = 0; i < Pixels.Length; i += 4)
        {
            var a = Pixels[i + 3];
            var inverse = 255 - a;
            // +127 rounds the division by 255 to nearest.
            dst[i] = (byte)((Pixels[i] * a + r * inverse + 127) / 255);
            dst[i + 1] = (byte)((Pixels[i + 1] * a + g * inverse + 127) / 255);
            dst[i + 2] = (byte)((Pixels[i + 2] * a + b * inverse + 127) / 255);
            dst[i + 3] = 255;
        }
        return result;
    }

    private static (int First, float[] Weights)[] LanczosWeights(int sourceSize, int targetSize)
    {
        const int Lobes = 3;
        var scale = (double)sourceSize / targetSize;
        var stretch = Math.Max(scale, 1.0); // widen the kernel when downscaling
        var support = Lobes * stretch;
        var result = new (int, float[])[targetSize];
        for (var i = 0; i < targetSize; i++)
        {
            var centre = (i + 0.5) * scale - 0.5;
            var first = Math.Max(0, (int)Math.Floor(centre - support) + 1);
            var last = Math.Min(sourceSize - 1, (int)Math.Ceiling(centre + support) - 1);
            if (last < first) first = last = Math.Clamp((int)Math.Round(centre), 0, sourceSize - 1);
            var weights = new float[last - first + 1];
            double total = 0;
            for (var j = first; j <= last; j++)
            {
                var w = Lanczos((j - centre) / stretch, Lobes);
                weights[j - first] = (float)w;
                total += w;
            }
            if (Math.Abs(total) < 1e-9)
            {
                Array.Clear(weights);
                weights[Math.Clamp((int)Math.Round(centre) - first, 0, weights.Length - 1)] = 1;
            }
            else
            {
                for (var k = 0; k < weights.Length; k++) weights[k] = (float)(weights[k] / total);
            }
            result[i] = (first, weights);
        }
        return result;
    }

    private static double Lanczos(double x, int lobes)
    {
        if (Math.Abs(x) < 1e-12) return 1;
        if (Math.Abs(x) >= lobes) return 0;
        var px = Math.PI * x;
        return lobes * Math.Sin(px) * Math.Sin(px / lobes) / (px * px);
    }

    private int Index(int x, int y)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
            throw new ArgumentOutOfRangeException(nameof(x), $"pixel {x},{y} is outside the {Width}x{Height} image");
        return (y * Width + x) * 4;
    }

    private static int RequirePositive(int value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, name);
        return value;
    }
}
