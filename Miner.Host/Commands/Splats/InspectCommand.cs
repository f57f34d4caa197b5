using System.Globalization;
using System.Text.Json;
using Miner.Models.Splats;

namespace Miner.Host.Commands.Splats;

/// <summary>
/// <c>miner inspect FILE [--json]</c>: the file's kind and header, the cloud's statistics, density bucket and the
/// validator's verdict with reasons (for a PLY, on the cloud as it would arrive after our SPZ). Exit code 0 when
/// the validator would accept it, 2 when it would reject it, 1 when the file cannot be read.
/// </summary>
public sealed class InspectCommand(SplatOptions options)
{
    public const int Rejected = 2;

    public int Run(string path, bool json, TextWriter stdout, TextWriter stderr) => SplatCommandGuard.Run(stderr, () =>
    {
        var loaded = SplatFile.Load(path, options.Read, options.Threads);
        var stats = CloudStatistics.Compute(loaded.Cloud, options.Statistics);
        var verdict = Verdict(loaded);
        if (json) WriteJson(stdout, path, loaded, stats, verdict);
        else WriteText(stdout, path, loaded, stats, verdict);
        return verdict.IsValid ? SplatCommandGuard.Ok : Rejected;
    });

    private ValidityVerdict Verdict(LoadedSplats loaded) => loaded.Kind == SplatFileKind.Ply
        ? ValidatorValidityCheck.CheckAsSubmitted(loaded.Cloud, options.ValidatorCheck, options.Threads)
        : ValidatorValidityCheck.Check(loaded.Cloud, options.ValidatorCheck);

    internal static string Describe(LoadedSplats loaded)
    {
        var base64 = loaded.Base64 ? "base64 text of " : "";
        return loaded.Kind switch
        {
            SplatFileKind.Ply => $"{base64}PLY {Format(loaded.PlyHeader!.Format)}, {loaded.PlyHeader.Vertex!.Properties.Count} vertex properties, header {loaded.PlyHeader.Length} bytes",
            _ => $"{base64}{(loaded.Kind == SplatFileKind.Spz ? "SPZ (zstd, the subnet's format)" : "Niantic SPZ (gzip, not accepted by the validator)")} "
                 + $"version {loaded.SpzHeader!.Value.Version}, {loaded.SpzHeader.Value.FractionalBits} fractional bits"
                 + (loaded.SpzHeader.Value.Antialiased ? ", antialiased" : ""),
        };
    }

    private static void WriteText(TextWriter output, string path, LoadedSplats loaded, CloudStatistics s, ValidityVerdict verdict)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"file         {path} ({loaded.FileBytes:N0} bytes)"));
        output.WriteLine($"format       {Describe(loaded)}");
        output.WriteLine(string.Create(c, $"gaussians    {s.Count:N0}, SH degree {s.ShDegree}, density {s.Density.ToString().ToLowerInvariant()}"));
        output.WriteLine(string.Create(c, $"bounds       x {s.BoundsMin.X:0.####}..{s.BoundsMax.X:0.####}  y {s.BoundsMin.Y:0.####}..{s.BoundsMax.Y:0.####}  z {s.BoundsMin.Z:0.####}..{s.BoundsMax.Z:0.####}"));
        output.WriteLine(string.Create(c, $"extent       {s.Extent.X:0.####} x {s.Extent.Y:0.####} x {s.Extent.Z:0.####} (largest {s.MaxExtent:0.####}; the validator scales it to 1.5)"));
        output.WriteLine(string.Create(c, $"centre       axis means ({s.Mean.X:0.####}, {s.Mean.Y:0.####}, {s.Mean.Z:0.####}), scalar mean {s.ScalarMean:0.####}"));
        output.WriteLine(string.Create(c, $"opacity      logit mean {s.OpacityLogitMean:0.###} sd {s.OpacityLogitStdDev:0.###} (finite logits); +inf {s.PositiveInfiniteLogits:N0}, -inf {s.NegativeInfiniteLogits:N0}"));
        output.WriteLine(string.Create(c, $"transparent  alpha < 1e-3: {100 * s.ShareAlphaBelow1e3:0.###} %, alpha < 1/255: {100 * s.ShareAlphaBelow1Over255:0.###} %"));
        var p = s.LinearScales;
        output.WriteLine(string.Create(c, $"scales       p1 {p.P1:0.#####}  p5 {p.P5:0.#####}  p50 {p.P50:0.#####}  p95 {p.P95:0.#####}  p99 {p.P99:0.#####}"));
        output.WriteLine(string.Create(c, $"non-finite   NaN {s.NanValues:N0}, inf {s.InfiniteValues:N0} values; splats with a non-finite position {s.NonFinitePositions:N0}"));
        var scope = loaded.Kind == SplatFileKind.Ply ? " (as it would arrive after SPZ)" : "";
        output.WriteLine(verdict.IsValid ? $"validator    PASS{scope}" : $"validator    FAIL{scope}");
        foreach (var failure in verdict.Failures) output.WriteLine($"  - {failure.Check}: {failure.Detail}");
    }

    private static void WriteJson(TextWriter output, string path, LoadedSplats loaded, CloudStatistics s, ValidityVerdict verdict)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("file", path);
            json.WriteNumber("bytes", loaded.FileBytes);
            json.WriteString("kind", loaded.Kind.ToString());
            json.WriteBoolean("base64", loaded.Base64);
            json.WriteString("format", Describe(loaded));
            if (loaded.SpzHeader is { } header)
            {
                json.WriteNumber("spzVersion", header.Version);
                json.WriteNumber("fractionalBits", header.FractionalBits);
            }
            json.WriteNumber("gaussians", s.Count);
            json.WriteNumber("shDegree", s.ShDegree);
            json.WriteString("density", s.Density.ToString().ToLowerInvariant());
            WriteVector(json, "boundsMin", s.BoundsMin);
            WriteVector(json, "boundsMax", s.BoundsMax);
            WriteVector(json, "mean", s.Mean);
            Number(json, "scalarMean", s.ScalarMean);
            Number(json, "maxExtent", s.MaxExtent);
            Number(json, "opacityLogitMean", s.OpacityLogitMean);
            Number(json, "opacityLogitStdDev", s.OpacityLogitStdDev);
            json.WriteNumber("positiveInfiniteLogits", s.PositiveInfiniteLogits);
            json.WriteNumber("negativeInfiniteLogits", s.NegativeInfiniteLogits);
            Number(json, "shareAlphaBelow1e3", s.ShareAlphaBelow1e3);
            Number(json, "shareAlphaBelow1Over255", s.ShareAlphaBelow1Over255);
            json.WriteStartObject("linearScalePercentiles");
            Number(json, "p1", s.LinearScales.P1);
            Number(json, "p5", s.LinearScales.P5);
            Number(json, "p50", s.LinearScales.P50);
            Number(json, "p95", s.LinearScales.P95);
            Number(json, "p99", s.LinearScales.P99);
            json.WriteEndObject();
            json.WriteNumber("nanValues", s.NanValues);
            json.WriteNumber("infiniteValues", s.InfiniteValues);
            json.WriteNumber("nonFinitePositions", s.NonFinitePositions);
            json.WriteStartObject("validator");
            json.WriteBoolean("valid", verdict.IsValid);
            json.WriteBoolean("afterSpz", loaded.Kind == SplatFileKind.Ply);
            json.WriteStartArray("failures");
            foreach (var failure in verdict.Failures)
            {
                json.WriteStartObject();
                json.WriteString("check", failure.Check.ToString());
                json.WriteString("detail", failure.Detail);
                Number(json, "observed", failure.Observed);
                Number(json, "limit", failure.Limit);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteVector(Utf8JsonWriter json, string name, System.Numerics.Vector3 v)
    {
        json.WriteStartArray(name);
        json.WriteNumberValue(v.X);
        json.WriteNumberValue(v.Y);
        json.WriteNumberValue(v.Z);
        json.WriteEndArray();
    }

    /// <summary>JSON has no NaN: write null instead.</summary>
    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, value);
        else json.WriteNull(name);
    }

    private static string Format(PlyFormat format) => format switch
    {
        PlyFormat.Ascii => "ascii",
        PlyFormat.BinaryLittleEndian => "binary_little_endian",
        _ => "binary_big_endian",
    };
}
