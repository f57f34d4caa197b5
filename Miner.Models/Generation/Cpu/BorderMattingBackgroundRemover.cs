using Miner.Models.Imaging;

namespace Miner.Models.Generation;

/// <summary>
/// CPU fallback for background removal, good for plain backgrounds only: keeps an image's own alpha channel when it
/// has one; otherwise estimates up to three background colours from the border (CIELAB), flood-fills the
/// border-connected pixels within the tolerance, drops small foreground islands, and feathers the edge by
/// unmixing each edge pixel between the nearest background colour and the nearby foreground colour.
/// </summary>
public sealed class BorderMattingBackgroundRemover : IBackgroundRemovalBackend
{
    /// <summary>Largest image matted (4096 x 4096): the per-pixel working arrays take about 40 bytes a pixel.</summary>
    public const long MaxPixels = 4096L * 4096;

    private const int MaxBackgroundColours = 3;
    private readonly CpuBackendOptions _options;

    public BorderMattingBackgroundRemover(CpuBackendOptions? options = null)
    {
        _options = options ?? new CpuBackendOptions();
        _options.Validate();
    }

    public string Name => "cpu border matting (fallback)";

    public bool IsFallback => true;

    public Task<RgbaImage> RemoveBackgroundAsync(RgbaImage image, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Task.Run(() => Remove(image, cancellation), cancellation);
    }

    private RgbaImage Remove(RgbaImage image, CancellationToken cancellation)
    {
        int width = image.Width, height = image.Height, n = width * height;
        var pixels = image.Pixels;
        if (HasMeaningfulAlpha(pixels, n))
        {
            for (var i = 0; i < n; i++)
                if (pixels[4 * i + 3] >= _options.AlphaThreshold) return new RgbaImage(width, height, (byte[])pixels.Clone());
            throw new UnusableImageException($"the {width}x{height} image's alpha channel is below {_options.AlphaThreshold} everywhere: nothing to keep");
        }
        if ((long)width * height > MaxPixels)
            throw new UnusableImageException($"a {width}x{height} image is larger than the {MaxPixels} pixels the CPU matting handles; scale it down first");
        if (width < 3 || height < 3)
            throw new UnusableImageException($"a {width}x{height} image is too small to tell a background border from the object");

        var lab = new (float L, float A, float B)[n];
        for (var i = 0; i < n; i++) lab[i] = LabColour.FromSrgb(pixels[4 * i], pixels[4 * i + 1], pixels[4 * i + 2]);
        cancellation.ThrowIfCancellationRequested();

        var border = BorderIndices(width, height);
        var tolerance = (float)_options.MattingTolerance;
        var colours = BackgroundColours(border, lab, tolerance, out var covered);
        var share = (double)covered / border.Length;
        if (share < _options.MinBackgroundBorderShare)
            throw new UnusableImageException(
                $"no plain background: the {colours.Count} most common border colours cover {share:P0} of the border, below {_options.MinBackgroundBorderShare:P0}");

        // Distance of each pixel to the nearest background colour, and which colour that is.
        var distance = new float[n];
        var nearest = new byte[n];
        for (var i = 0; i < n; i++)
        {
            var best = float.MaxValue;
            for (var c = 0; c < colours.Count; c++)
            {
                var d = LabColour.Distance(lab[i], colours[c].Lab);
                if (d < best)
                {
                    best = d;
                    nearest[i] = (byte)c;
                }
            }
            distance[i] = best;
        }
        cancellation.ThrowIfCancellationRequested();

        var background = FloodFromBorder(border, distance, tolerance, width, height);
        cancellation.ThrowIfCancellationRequested();
        var foreground = new bool[n];
        for (var i = 0; i < n; i++) foreground[i] = !background[i];
        if (!DropSmallIslands(foreground, width, height, _options.MinIslandFraction))
            throw new UnusableImageException($"the {width}x{height} image is all background colour: no object to cut out");
        cancellation.ThrowIfCancellationRequested();

        return Feather(image, foreground, nearest, colours.Select(c => MeanRgb(pixels, border, c.Members)).ToArray(), cancellation);
    }

    /// <summary>At least 0.5 % of pixels (and at least one) not fully opaque: the image brings its own cut-out.</summary>
    private static bool HasMeaningfulAlpha(byte[] pixels, int n)
    {
        var translucent = 0;
        for (var i = 0; i < n; i++)
            if (pixels[4 * i + 3] < 250) translucent++;
        return translucent > 0 && translucent >= 0.005 * n;
    }

    private static int[] BorderIndices(int width, int height)
    {
        var result = new List<int>(2 * (width + height));
        for (var x = 0; x < width; x++)
        {
            result.Add(x);
            result.Add((height - 1) * width + x);
        }
        for (var y = 1; y < height - 1; y++)
        {
            result.Add(y * width);
            result.Add(y * width + width - 1);
        }
        return result.ToArray();
    }

    /// <summary>
    /// Greedy mode seeking over the border: the fullest Lab bin seeds a colour, refined to the mean of the border
    /// pixels within tolerance of it; repeated on what is left while a colour still covers 5 % of the border.
    /// </summary>
    private static List<BackgroundColour> BackgroundColours(int[] border, (float L, float A, float B)[] lab, float tolerance, out int covered)
    {
        var result = new List<BackgroundColour>();
        var assigned = new bool[border.Length];
        covered = 0;
        var bin = tolerance / 2;
        for (var round = 0; round < MaxBackgroundColours; round++)
        {
            var counts = new Dictionary<(int, int, int), int>();
            for (var k = 0; k < border.Length; k++)
            {
                if (assigned[k]) continue;
                var p = lab[border[k]];
                var key = ((int)MathF.Floor(p.L / bin), (int)MathF.Floor(p.A / bin), (int)MathF.Floor(p.B / bin));
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
            if (counts.Count == 0) break;
            var fullest = counts.MaxBy(pair => pair.Value).Key;
            var centre = ((fullest.Item1 + 0.5f) * bin, (fullest.Item2 + 0.5f) * bin, (fullest.Item3 + 0.5f) * bin);
            for (var refine = 0; refine < 3; refine++) centre = MeanWithin(border, lab, assigned, centre, tolerance, out _);
            MeanWithin(border, lab, assigned, centre, tolerance, out var members);
            if (members.Count < Math.Max(1, 0.05 * border.Length)) break;
            foreach (var k in members) assigned[k] = true;
            result.Add(new BackgroundColour(centre, members));
            covered += members.Count;
        }
        return result;
    }

    private static (float, float, float) MeanWithin(int[] border, (float L, float A, float B)[] lab, bool[] assigned,
        (float L, float A, float B) centre, float tolerance, out List<int> members)
    {
        members = [];
        double l = 0, a = 0, b = 0;
        for (var k = 0; k < border.Length; k++)
        {
            if (assigned[k]) continue;
            var p = lab[border[k]];
            if (LabColour.Distance(p, centre) > tolerance) continue;
            members.Add(k);
            l += p.L;
            a += p.A;
            b += p.B;
        }
        return members.Count == 0 ? centre : ((float)(l / members.Count), (float)(a / members.Count), (float)(b / members.Count));
    }

    private static bool[] FloodFromBorder(int[] border, float[] distance, float tolerance, int width, int height)
    {
        var background = new bool[width * height];
        var queue = new Queue<int>();
        foreach (var i in border)
            if (distance[i] <= tolerance && !background[i])
            {
                background[i] = true;
                queue.Enqueue(i);
            }
        while (queue.Count > 0)
        {
            var i = queue.Dequeue();
            int x = i % width, y = i / width;
            if (x > 0) Visit(i - 1);
            if (x < width - 1) Visit(i + 1);
            if (y > 0) Visit(i - width);
            if (y < height - 1) Visit(i + width);
        }
        return background;

        void Visit(int j)
        {
            if (background[j] || distance[j] > tolerance) return;
            background[j] = true;
            queue.Enqueue(j);
        }
    }

    /// <summary>Clears 8-connected foreground components smaller than a fraction of the largest; false when none is left.</summary>
    internal static bool DropSmallIslands(bool[] foreground, int width, int height, double minFraction)
    {
        var label = new int[foreground.Length];
        var sizes = new List<int> { 0 };
        var stack = new Stack<int>();
        for (var start = 0; start < foreground.Length; start++)
        {
            if (!foreground[start] || label[start] != 0) continue;
            var id = sizes.Count;
            var size = 0;
            label[start] = id;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                size++;
                int x = i % width, y = i / width;
                for (var dy = -1; dy <= 1; dy++)
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        int nx = x + dx, ny = y + dy;
                        if ((uint)nx >= (uint)width || (uint)ny >= (uint)height) continue;
                        var j = ny * width + nx;
                        if (!foreground[j] || label[j] != 0) continue;
                        label[j] = id;
                        stack.Push(j);
                    }
            }
            sizes.Add(size);
        }
        if (sizes.Count == 1) return false;
        var keepFrom = Math.Max(1, sizes.Max() * minFraction);
        for (var i = 0; i < foreground.Length; i++)
            if (foreground[i] && sizes[label[i]] < keepFrom) foreground[i] = false;
        return true;
    }

    /// <summary>
    /// Alpha 1 inside, 0 outside; pixels within the feather width of the background get alpha from projecting
    /// their colour onto the line between the nearest background colour and the closest interior colour, and
    /// their colour unmixed accordingly (straight alpha).
    /// </summary>
    private RgbaImage Feather(RgbaImage image, bool[] foreground, byte[] nearest, (double R, double G, double B)[] backgroundRgb, CancellationToken cancellation)
    {
        int width = image.Width, height = image.Height;
        var src = image.Pixels;
        var result = new RgbaImage(width, height);
        var dst = result.Pixels;
        var feather = _options.FeatherPixels;
        var inset = EuclideanDistanceTransform.Compute(foreground, width, height, cancellation);
        var search = feather + 2;
        for (var y = 0; y < height; y++)
        {
            if ((y & 63) == 0) cancellation.ThrowIfCancellationRequested();
            for (var x = 0; x < width; x++)
            {
                var i = y * width + x;
                if (!foreground[i]) continue; // stays transparent black
                src.AsSpan(4 * i, 3).CopyTo(dst.AsSpan(4 * i));
                dst[4 * i + 3] = 255;
                // The distance transform treats the image border as background; only the true background edge feathers.
                if (inset[i] > feather || !TouchesBackgroundWithin(foreground, x, y, width, height, feather)) continue;

                var bg = backgroundRgb[nearest[i]];
                var reference = InteriorColour(src, inset, foreground, x, y, width, height, search, feather);
                if (reference is null) continue;
                var (fr, fg, fb) = reference.Value;
                double er = fr - bg.R, eg = fg - bg.G, eb = fb - bg.B;
                var span = er * er + eg * eg + eb * eb;
                if (span < 400) continue; // foreground too close to the background colour to unmix
                double pr = src[4 * i] - bg.R, pg = src[4 * i + 1] - bg.G, pb = src[4 * i + 2] - bg.B;
                var alpha = Math.Clamp((pr * er + pg * eg + pb * eb) / span, 0, 1);
                dst[4 * i + 3] = (byte)Math.Round(alpha * 255);
                if (alpha < 1e-3) continue;
                dst[4 * i] = Unmix(src[4 * i], bg.R, alpha);
                dst[4 * i + 1] = Unmix(src[4 * i + 1], bg.G, alpha);
                dst[4 * i + 2] = Unmix(src[4 * i + 2], bg.B, alpha);
            }
        }
        return result;
    }

    private static byte Unmix(byte observed, double background, double alpha) =>
        (byte)Math.Clamp(Math.Round((observed - (1 - alpha) * background) / alpha), 0, 255);

    private static bool TouchesBackgroundWithin(bool[] foreground, int x, int y, int width, int height, int radius)
    {
        for (var dy = -radius; dy <= radius; dy++)
            for (var dx = -radius; dx <= radius; dx++)
            {
                int nx = x + dx, ny = y + dy;
                if ((uint)nx < (uint)width && (uint)ny < (uint)height && !foreground[ny * width + nx]) return true;
            }
        return false;
    }

    /// <summary>The colour of the nearest foreground pixel deeper than the feather band, if one is close.</summary>
    private static (double R, double G, double B)? InteriorColour(byte[] src, float[] inset, bool[] foreground, int x, int y,
        int width, int height, int radius, int feather)
    {
        var best = int.MaxValue;
        (double, double, double)? colour = null;
        for (var dy = -radius; dy <= radius; dy++)
            for (var dx = -radius; dx <= radius; dx++)
            {
                int nx = x + dx, ny = y + dy;
                if ((uint)nx >= (uint)width || (uint)ny >= (uint)height) continue;
                var j = ny * width + nx;
                if (!foreground[j] || inset[j] <= feather) continue;
                var d = dx * dx + dy * dy;
                if (d >= best) continue;
                best = d;
                colour = (src[4 * j], src[4 * j + 1], src[4 * j + 2]);
            }
        return colour;
    }

    private static (double R, double G, double B) MeanRgb(byte[] src, int[] border, List<int> borderMembers)
    {
        double r = 0, g = 0, b = 0;
        foreach (var k in borderMembers)
        {
            var i = border[k];
            r += src[4 * i];
            g += src[4 * i + 1];
            b += src[4 * i + 2];
        }
        var count = Math.Max(1, borderMembers.Count);
        return (r / count, g / count, b / count);
    }

    private sealed record BackgroundColour((float L, float A, float B) Lab, List<int> Members);
}
