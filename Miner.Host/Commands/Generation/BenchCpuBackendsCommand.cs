using System.Diagnostics;
using System.Text.Json;
using Miner.Models.Generation;
using Miner.Models.Imaging;
using Miner.Models.Rendering;
using Miner.Models.Splats;

namespace Miner.Host.Commands.Generation;

/// <summary>
/// `miner bench cpu-backends`: the CPU fallbacks on a synthetic 518 x 518 picture (a disc on a box, on white):
/// matting and inflation seconds (median of the runs), gaussian count, the front render's silhouette IoU with
/// the matted input, and the validator's validity verdict.
/// </summary>
public sealed class BenchCpuBackendsCommand(CpuBackendOptions options)
{
    private const int Size = 518;

    public int Run(bool json, int runs, TextWriter stdout, TextWriter stderr)
    {
        if (runs < 1)
        {
            stderr.WriteLine("--runs must be at least 1");
            return 1;
        }
        var picture = Picture();
        var remover = new BorderMattingBackgroundRemover(options);
        var inflation = new SilhouetteInflationImageTo3D(options);
        RgbaImage matted = picture;
        ActivatedSplats splats = new(0);
        var mattingSeconds = Median(runs, () => matted = remover.RemoveBackgroundAsync(picture, CancellationToken.None).GetAwaiter().GetResult());
        var inflationSeconds = Median(runs, () => splats = inflation.GenerateAsync(matted, 1, CancellationToken.None).GetAwaiter().GetResult());

        var cloud = ActivatedSplatEncoder.Encode(splats).Cloud;
        var verdict = ValidatorValidityCheck.CheckAsSubmitted(cloud);
        var iou = FrontIou(cloud, matted);
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(new
            {
                cores = Environment.ProcessorCount,
                image = $"{Size}x{Size}",
                matting_seconds = Math.Round(mattingSeconds, 4),
                inflation_seconds = Math.Round(inflationSeconds, 4),
                gaussians = splats.Count,
                front_silhouette_iou = Math.Round(iou, 4),
                valid = verdict.IsValid,
            }));
            return 0;
        }
        stdout.WriteLine($"CPU fallbacks on a {Size}x{Size} picture, {Environment.ProcessorCount} cores, median of {runs} run(s)");
        stdout.WriteLine($"  border matting        {mattingSeconds,8:F3} s");
        stdout.WriteLine($"  silhouette inflation  {inflationSeconds,8:F3} s   {splats.Count:N0} gaussians");
        stdout.WriteLine($"  front-view silhouette IoU with the matted input: {iou:F4}");
        stdout.WriteLine($"  validator validity check: {(verdict.IsValid ? "passes" : string.Join("; ", verdict.Failures.Select(f => f.Detail)))}");
        return 0;
    }

    private static double Median(int runs, Action work)
    {
        var seconds = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            work();
            seconds[i] = clock.Elapsed.TotalSeconds;
        }
        Array.Sort(seconds);
        return seconds[runs / 2];
    }

    /// <summary>A blue disc resting on an orange box, anti-aliased, on white.</summary>
    private static RgbaImage Picture()
    {
        var image = new RgbaImage(Size, Size);
        for (var y = 0; y < Size; y++)
            for (var x = 0; x < Size; x++)
            {
                double r = 0, g = 0, b = 0;
                for (var s = 0; s < 16; s++)
                {
                    double u = (x + (s % 4 + 0.5) / 4) / Size, v = (y + (s / 4 + 0.5) / 4) / Size;
                    var (cr, cg, cb) = (u - 0.5) * (u - 0.5) + (v - 0.38) * (v - 0.38) <= 0.18 * 0.18 ? (40.0, 80.0, 200.0)
                        : u is >= 0.25 and <= 0.75 && v is >= 0.55 and <= 0.82 ? (230.0, 120.0, 30.0)
                        : (255.0, 255.0, 255.0);
                    r += cr;
                    g += cg;
                    b += cb;
                }
                image.SetPixel(x, y, (byte)(r / 16), (byte)(g / 16), (byte)(b / 16));
            }
        return image;
    }

    /// <summary>IoU of the front render's covered pixels with the input silhouette, both cropped to a square about their bounding box.</summary>
    private static double FrontIou(GaussianCloud cloud, RgbaImage input)
    {
        var camera = ProductionViews.Camera(0);
        var white = SplatRasterizer.Render(cloud, camera);
        var black = SplatRasterizer.Render(cloud, camera, RenderOptions.Production with { BackgroundR = 0, BackgroundG = 0, BackgroundB = 0 });
        var rendered = new bool[white.Width * white.Height];
        for (var i = 0; i < rendered.Length; i++)
            rendered[i] = Math.Max(white.Pixels[4 * i] - black.Pixels[4 * i], Math.Max(white.Pixels[4 * i + 1] - black.Pixels[4 * i + 1], white.Pixels[4 * i + 2] - black.Pixels[4 * i + 2])) < 128;
        var silhouette = new bool[input.Width * input.Height];
        for (var i = 0; i < silhouette.Length; i++) silhouette[i] = input.Pixels[4 * i + 3] >= 128;
        var a = Square(rendered, white.Width, 160);
        var b = Square(silhouette, input.Width, 160);
        int both = 0, either = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] && b[i]) both++;
            if (a[i] || b[i]) either++;
        }
        return either == 0 ? 0 : (double)both / either;
    }

    private static bool[] Square(bool[] mask, int width, int grid)
    {
        var height = mask.Length / width;
        int minX = width, minY = height, maxX = -1, maxY = -1;
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                if (mask[y * width + x])
                    (minX, maxX, minY, maxY) = (Math.Min(minX, x), Math.Max(maxX, x), Math.Min(minY, y), Math.Max(maxY, y));
        var result = new bool[grid * grid];
        if (maxX < 0) return result;
        double side = Math.Max(maxX - minX + 1, maxY - minY + 1);
        double left = (minX + maxX + 1) / 2.0 - side / 2, top = (minY + maxY + 1) / 2.0 - side / 2;
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
