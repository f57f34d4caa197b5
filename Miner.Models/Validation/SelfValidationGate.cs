using System.Diagnostics;
using System.Globalization;
using Miner.Models.Imaging;
using Miner.Models.Rendering;
using Miner.Models.Splats;

namespace Miner.Models.Validation;

/// <summary>
/// The check before anything is submitted: first the validator's own validity check on the cloud as it will arrive
/// after our SPZ, then a few production views rendered as the validator renders them, measured for the failures that
/// score near zero without being invalid: an invisible or tiny object, an opaque blob filling the frame, an object far
/// off-centre. Validity failures a new seed can fix (too few gaussians, mostly transparent) give Retry; failures of the
/// backend or writer that a new seed would repeat (NaN or unpackable values, zero extent) give Decline; every render finding gives
/// Retry. Reasons name the check; figures carry what was measured.
/// </summary>
public sealed class SelfValidationGate(SelfValidationOptions options, ValidatorCheckOptions? validatorCheck = null) : ISplatGate
{
    private readonly SelfValidationOptions _options = Validated(options);

    public GateVerdict Evaluate(GaussianCloud cloud, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        var figures = new Dictionary<string, double> { ["gaussians"] = cloud.Count };
        var validity = ValidatorValidityCheck.CheckAsSubmitted(cloud, validatorCheck, _options.Threads);
        if (!validity.IsValid)
        {
            foreach (var failure in validity.Failures) figures[$"validity.{failure.Check}"] = failure.Observed;
            var decision = validity.Failures.Any(f => IsStructural(f.Check)) ? GateDecision.Decline : GateDecision.Retry;
            var reasons = validity.Failures.Select(f => $"validator check {f.Check} ({(IsStructural(f.Check) ? "a new seed would repeat it" : "a new seed may fix it")}): {f.Detail}").ToArray();
            return new GateVerdict(decision, reasons, figures);
        }

        cancellation.ThrowIfCancellationRequested();
        return RenderChecks(cloud, figures, cancellation);
    }

    /// <summary>
    /// Validity failures that come from how the cloud was made rather than from one sample: every rotation the identity
    /// (the backend emits no rotations), values that cannot be packed (NaN, out of range) or a zero extent (all splats
    /// at one point). A new seed runs the same code path and fails the same way, so retrying only burns the task's time.
    /// (SPZ quantises an identity rotation to about (1, 0.004, 0.004, 0.004), so the validator's identity check does not
    /// fire on a submitted cloud; it stays listed for clouds checked as given. SmallScales only fires for one splat.)
    /// </summary>
    public static bool IsStructural(ValidityCheck check) => check is ValidityCheck.IdentityRotations
        or ValidityCheck.NotPackable or ValidityCheck.DegenerateBounds or ValidityCheck.SmallScales;

    /// <summary>The production views the gate renders: <paramref name="count"/> spread evenly from view 1.</summary>
    public static IReadOnlyList<int> ViewsFor(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, ProductionViews.Count - 1);
        return Enumerable.Range(0, count).Select(k => 1 + k * ProductionViews.Count / count).ToArray();
    }

    private GateVerdict RenderChecks(GaussianCloud cloud, Dictionary<string, double> figures, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var renderOptions = RenderOptions.Production with
        {
            CoverageInAlpha = true,
            MaxDegreeOfParallelism = _options.Threads > 0 ? _options.Threads : -1,
        };
        var splats = ValidatorNormalization.Apply(cloud, renderOptions.ReferenceSize);
        var size = _options.ImageSize;
        var coveredByte = (int)Math.Ceiling(_options.CoveredAlpha * 255);
        var views = ViewsFor(_options.Views);
        var coverages = new List<double>();
        var reasons = new List<string>();
        double worstOffset = 0;
        foreach (var view in views)
        {
            cancellation.ThrowIfCancellationRequested();
            var camera = new OrbitCamera(ProductionViews.ThetaDegrees(view), ProductionViews.PhiDegrees, ProductionViews.Radius, size, size);
            var (coverage, offset) = Measure(SplatRasterizer.Render(splats, camera, renderOptions), coveredByte);
            coverages.Add(coverage);
            figures[$"view{view}.coverage"] = coverage;
            if (coverage > 0)
            {
                figures[$"view{view}.centre-offset"] = offset;
                worstOffset = Math.Max(worstOffset, offset);
                if (offset > _options.MaxCentreOffset)
                    reasons.Add(Say($"off-centre: in view {view} (theta {ProductionViews.ThetaDegrees(view):0}) the object's centroid is {offset:0.###} of the image side from the centre (limit {_options.MaxCentreOffset:0.###})"));
            }
            if (coverage > _options.MaxCoverage)
                reasons.Add(Say($"frame-filling blob: view {view} is {100 * coverage:0.#} % covered (limit {100 * _options.MaxCoverage:0.#} %)"));
        }

        var mean = coverages.Average();
        figures["coverage.mean"] = mean;
        figures["coverage.min"] = coverages.Min();
        figures["coverage.max"] = coverages.Max();
        figures["centre-offset.max"] = worstOffset;
        if (coverages.Max() == 0)
            reasons.Insert(0, Say($"invisible: no pixel of the {views.Count} views reaches opacity {_options.CoveredAlpha:0.###}"));
        else if (mean < _options.MinCoverage)
            reasons.Insert(0, Say($"tiny or faint: {100 * mean:0.##} % of the pixels covered on average (minimum {100 * _options.MinCoverage:0.##} %)"));
        figures["render-ms"] = clock.Elapsed.TotalMilliseconds;
        return reasons.Count == 0 ? GateVerdict.Pass(figures) : new GateVerdict(GateDecision.Retry, reasons, figures);
    }

    /// <summary>Share of covered pixels and the distance of their centroid from the image centre (share of the side).</summary>
    private static (double Coverage, double Offset) Measure(RgbaImage image, int coveredByte)
    {
        long covered = 0;
        double sumX = 0, sumY = 0;
        var pixels = image.Pixels;
        for (var y = 0; y < image.Height; y++)
        {
            var row = 4 * y * image.Width;
            for (var x = 0; x < image.Width; x++)
            {
                if (pixels[row + 4 * x + 3] < coveredByte) continue;
                covered++;
                sumX += x + 0.5;
                sumY += y + 0.5;
            }
        }
        if (covered == 0) return (0, 0);
        var dx = sumX / covered - image.Width / 2.0;
        var dy = sumY / covered - image.Height / 2.0;
        return ((double)covered / ((long)image.Width * image.Height), Math.Sqrt(dx * dx + dy * dy) / image.Width);
    }

    private static SelfValidationOptions Validated(SelfValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Views is < 1 or > ProductionViews.Count - 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.Views, "miner.gate.views must lie in 1..15");
        if (options.ImageSize is < 16 or > 4096)
            throw new ArgumentOutOfRangeException(nameof(options), options.ImageSize, "miner.gate.image-size must lie in 16..4096");
        if (!(options.CoveredAlpha is > 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(options), options.CoveredAlpha, "miner.gate.covered-alpha must lie in (0, 1]");
        if (!(options.MinCoverage >= 0 && options.MinCoverage < options.MaxCoverage && options.MaxCoverage <= 1))
            throw new ArgumentOutOfRangeException(nameof(options), "miner.gate needs 0 <= min-coverage < max-coverage <= 1");
        if (!(options.MaxCentreOffset > 0))
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxCentreOffset, "miner.gate.max-centre-offset must be positive");
        return options;
    }

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
