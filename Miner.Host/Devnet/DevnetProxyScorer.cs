using Miner.Models.Imaging;
using Miner.Models.Rendering;
using Miner.Models.Splats;

namespace Miner.Host.Devnet;

/// <summary>
/// The devnet's stand-in for the validation service. A PROXY, not the subnet's neural scoring (CLIP/quality models
/// on 16 views): it decodes the base64 SPZ as the validator does (strict base64, the subnet's zstd SPZ only), applies
/// the validator's validity check (fail → 0), then for an image task compares the front view from the prompt's own
/// camera with the prompt render: silhouette IoU × a colour factor (1 at no error, 0 at
/// <see cref="DevnetScoringOptions.ColourErrorAtZero"/> mean absolute error over the shared silhouette). A text task
/// has nothing to compare with, so it scores <see cref="DevnetScoringOptions.TextSaneScore"/> when the front view is
/// neither empty nor a frame-filling blob, else 0.
/// </summary>
public sealed class DevnetProxyScorer : ISubmissionScorer
{
    private readonly DevnetScoringOptions _options;

    public DevnetProxyScorer(DevnetScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    public Task<SubmissionScore> ScoreAsync(DevnetTask task, string base64Results, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(base64Results);
        return Task.Run(() => Score(task, base64Results), cancellation);
    }

    public SubmissionScore Score(DevnetTask task, string base64Results)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(base64Results);
        byte[] spz;
        try
        {
            spz = Convert.FromBase64String(base64Results);
        }
        catch (FormatException)
        {
            return new SubmissionScore(0, "results are not base64");
        }
        GaussianCloud cloud;
        try
        {
            var decoded = SpzReader.Read(spz);
            if (decoded.Container != SpzContainer.Zstd) return new SubmissionScore(0, "not the subnet's zstd SPZ (pyspz rejects it)");
            cloud = decoded.Cloud;
        }
        catch (SplatFormatException error)
        {
            return new SubmissionScore(0, $"SPZ does not decode: {error.Message}");
        }
        var verdict = ValidatorValidityCheck.Check(cloud);
        if (!verdict.IsValid) return new SubmissionScore(0, "invalid: " + string.Join("; ", verdict.Failures.Select(f => $"{f.Check}: {f.Detail}")));

        try
        {
            return task.Reference is { } reference ? ScoreImage(reference, cloud) : ScoreText(cloud);
        }
        catch (InvalidOperationException error)
        {
            return new SubmissionScore(0, $"does not render: {error.Message}");
        }
    }

    private SubmissionScore ScoreImage(ProceduralObject reference, GaussianCloud cloud)
    {
        var size = _options.RenderSize;
        var expected = reference.Silhouette(size);
        var actual = SilhouetteRenderer.Render(cloud, reference.Camera(size));
        var threshold = (int)Math.Round(_options.SilhouetteAlpha * 255);
        long both = 0, either = 0;
        double colourError = 0;
        var e = expected.Pixels;
        var a = actual.Pixels;
        for (var p = 0; p < e.Length; p += 4)
        {
            bool inExpected = e[p + 3] > threshold, inActual = a[p + 3] > threshold;
            if (inExpected || inActual) either++;
            if (!(inExpected && inActual)) continue;
            both++;
            colourError += (Math.Abs(e[p] - a[p]) + Math.Abs(e[p + 1] - a[p + 1]) + Math.Abs(e[p + 2] - a[p + 2])) / (3 * 255.0);
        }
        if (either == 0) return new SubmissionScore(0, "neither render shows anything");
        var iou = (double)both / either;
        var meanError = both == 0 ? 1 : colourError / both;
        var colourFactor = Math.Clamp(1 - meanError / _options.ColourErrorAtZero, 0, 1);
        return new SubmissionScore(iou * colourFactor, $"proxy: silhouette IoU {iou:F3}, mean colour error {meanError:F3}");
    }

    private SubmissionScore ScoreText(GaussianCloud cloud)
    {
        var size = _options.RenderSize;
        var front = SilhouetteRenderer.Render(cloud, new OrbitCamera(0, ProductionViews.PhiDegrees, ProductionViews.Radius, size, size));
        var coverage = Coverage(front);
        if (coverage < _options.MinCoverage) return new SubmissionScore(0, $"proxy: the front view is empty (coverage {coverage:P1})");
        if (coverage > _options.MaxCoverage) return new SubmissionScore(0, $"proxy: the front view is a frame-filling blob (coverage {coverage:P1})");
        return new SubmissionScore(_options.TextSaneScore, $"proxy: valid and renders sanely (coverage {coverage:P1}); text fidelity is not judged");
    }

    private double Coverage(RgbaImage image)
    {
        var threshold = (int)Math.Round(_options.SilhouetteAlpha * 255);
        long covered = 0;
        var pixels = image.Pixels;
        for (var p = 3; p < pixels.Length; p += 4) if (pixels[p] > threshold) covered++;
        return (double)covered / (image.Width * image.Height);
    }
}
