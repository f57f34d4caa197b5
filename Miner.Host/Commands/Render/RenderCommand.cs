using System.Diagnostics;
using System.Globalization;
using Miner.Host.Cli;
using Miner.Models.Files;
using Miner.Models.Imaging;
using Miner.Models.Rendering;
using Miner.Models.Splats;

namespace Miner.Host.Commands.Render;

/// <summary>
/// <c>miner render FILE</c>: renders a .ply or .spz as the validator does (splat-contract 5). <c>--out DIR</c> writes
/// the 16 production views (view-00.png .. view-15.png, 518 x 518); <c>--grid FILE.png</c> the 1041 x 1041 grid preview;
/// a custom view (<c>--theta --phi --radius --bbox --size [--fov] --out FILE.png</c>) writes one PNG. Exit 0 on
/// success, 1 on bad input or an unreadable file.
/// </summary>
public sealed class RenderCommand(SplatOptions options)
{
    /// <summary>The PNG decoder's cap on a side; larger renders could not be read back.</summary>
    public const int MaxSize = 16384;

    public int Run(RenderRequest request, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Validate(request) is { } problem)
        {
            stderr.WriteLine($"error: {problem}");
            return 1;
        }

        try
        {
            CheckOutputs(request);
            var loaded = SplatFile.Load(request.File, options.Read, options.Threads);
            if (loaded.Cloud.Count == 0) throw new InvalidDataException($"{request.File}: the cloud has no gaussians to render");
            if (request.IsCustomView) RenderCustom(request, loaded.Cloud, stdout);
            else RenderProduction(request, loaded.Cloud, stdout);
            return 0;
        }
        catch (Exception error) when (error is SplatFormatException or IOException or UnauthorizedAccessException
                                          or DllNotFoundException or ArgumentException or InvalidDataException
                                          or InvalidOperationException)
        {
            stderr.WriteLine($"error: {FailureReport.OneLine(error.Message)}");
            return 1;
        }
    }

    /// <summary>
    /// Before rendering: a custom view's --out and --grid are PNG files (not folders, not the input); the production
    /// --out is a folder, created when missing, and the views written inside it must not be the input either.
    /// </summary>
    private static void CheckOutputs(RenderRequest r)
    {
        if (r.Grid is { } grid)
        {
            OutputFile.RequireWritableTarget(grid);
            OutputFile.RefuseOverwritingInput(grid, r.File);
        }
        if (r.Out is not { } output) return;
        if (r.IsCustomView)
        {
            OutputFile.RequireWritableTarget(output);
            OutputFile.RefuseOverwritingInput(output, r.File);
            return;
        }
        var folder = FileStatus.Of(output);
        if (folder.Exists && folder.Kind != FileKind.Directory)
            throw new FileRefusedException($"{output}: is {folder.Describe()}; --out names the folder for the 16 views");
        Directory.CreateDirectory(output);
        for (var view = 0; view < ProductionViews.Count; view++)
            OutputFile.RefuseOverwritingInput(ViewPath(output, view), r.File);
    }

    private static string ViewPath(string directory, int view) => Path.Combine(directory, $"view-{view:00}.png");

    private static string? Validate(RenderRequest r)
    {
        if (r.IsCustomView)
        {
            if (r.Out is null) return "a custom view needs --out FILE.png";
            if (r.Grid is not null) return "--grid renders the production grid; it cannot be combined with a custom view";
            if (r.Radius is { } radius && !(radius > 0 && double.IsFinite(radius))) return $"--radius must be a positive number, got {Format(radius)}";
            if (r.ReferenceSize is { } bbox && !(bbox > 0 && double.IsFinite(bbox))) return $"--bbox must be a positive number, got {Format(bbox)}";
            if (r.Fov is { } fov && !(fov > 0 && fov < 180)) return $"--fov must lie in (0, 180) degrees, got {Format(fov)}";
            if (r.Size is { } size && size is < 1 or > MaxSize) return $"--size must lie in 1..{MaxSize} pixels, got {size}";
            if (r.Theta is { } theta && !double.IsFinite(theta)) return "--theta must be a finite number of degrees";
            if (r.Phi is { } phi && !double.IsFinite(phi)) return "--phi must be a finite number of degrees";
            return null;
        }

        return r.Out is null && r.Grid is null ? "nothing to render: give --out DIR (16 views), --grid FILE.png, or a custom view" : null;
    }

    private void RenderCustom(RenderRequest r, GaussianCloud cloud, TextWriter stdout)
    {
        var clock = Stopwatch.StartNew();
        var size = r.Size ?? ProductionViews.ImageSize;
        var camera = new OrbitCamera(r.Theta ?? 0, r.Phi ?? ProductionViews.PhiDegrees, r.Radius ?? ProductionViews.Radius,
            size, size, r.Fov ?? OrbitCamera.ProductionFovDegrees);
        var renderOptions = RenderOptions.Production with
        {
            ReferenceSize = r.ReferenceSize ?? ValidatorNormalization.ProductionReferenceSize,
            Culling = r.Culling,
        };
        var image = SplatRasterizer.Render(cloud, camera, renderOptions);
        Write(r.Out!, image);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{r.Out}: {size}x{size}, theta {camera.ThetaDegrees:0.###} phi {camera.PhiDegrees:0.###} radius {camera.Radius:0.###} bbox {renderOptions.ReferenceSize:0.###} fov {camera.FovDegrees:0.###}, {NonBackground(image):N0} non-white pixels, {cloud.Count:N0} gaussians in {clock.Elapsed.TotalMilliseconds:0} ms"));
    }

    private void RenderProduction(RenderRequest r, GaussianCloud cloud, TextWriter stdout)
    {
        var renderOptions = RenderOptions.Production with { Culling = r.Culling };
        var splats = ValidatorNormalization.Apply(cloud, renderOptions.ReferenceSize);
        if (r.Out is { } directory)
        {
            for (var view = 0; view < ProductionViews.Count; view++)
            {
                var clock = Stopwatch.StartNew();
                var image = SplatRasterizer.Render(splats, ProductionViews.Camera(view), renderOptions);
                var path = ViewPath(directory, view);
                Write(path, image);
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{path}: theta {ProductionViews.ThetaDegrees(view):0.###}, {NonBackground(image):N0} non-white pixels in {clock.Elapsed.TotalMilliseconds:0} ms"));
            }
        }

        if (r.Grid is { } grid)
        {
            var clock = Stopwatch.StartNew();
            Write(grid, GridPreview.Render(splats, renderOptions));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{grid}: {GridPreview.Size}x{GridPreview.Size} grid of views 1, 5, 9, 13 in {clock.Elapsed.TotalMilliseconds:0} ms"));
        }
    }

    /// <summary>RGB PNG, as the validator saves its renders, written through a temporary and a rename.</summary>
    private static void Write(string path, RgbaImage image) =>
        OutputFile.WriteAllBytes(path, ImageCodec.EncodePng(image, includeAlpha: false));

    private static int NonBackground(RgbaImage image)
    {
        var count = 0;
        var p = image.Pixels;
        for (var i = 0; i < p.Length; i += 4)
            if (p[i] != 255 || p[i + 1] != 255 || p[i + 2] != 255) count++;
        return count;
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
