using System.Text.Json;
using Miner.Host.Commands.Splats;
using Miner.Models.Splats;
using Miner.Specs.TestKit;

namespace Miner.Specs.Splats;

public sealed class SplatCommandSpecs : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("splat-commands-");
    private readonly StringWriter stdout = new();
    private readonly StringWriter stderr = new();

    public void Dispose() => directory.Delete(recursive: true);

    private string Temp(string name) => Path.Combine(directory.FullName, name);

    private static string Fixture(string name) => SharedFixtures.Path("splats", name);

    private string WritePly(GaussianCloud cloud, string name = "in.ply")
    {
        var path = Temp(name);
        PlyWriter.WriteFile(path, cloud);
        return path;
    }

    [FixtureFact]
    public void Inspect_reports_robocop_as_the_fixture_readme_states()
    {
        var code = new InspectCommand(new SplatOptions()).Run(Fixture("robocop.spz"), json: true, stdout, stderr);
        Assert.Equal(0, code);
        using var report = JsonDocument.Parse(stdout.ToString());
        var root = report.RootElement;
        Assert.Equal("Spz", root.GetProperty("kind").GetString());
        Assert.Equal(2, root.GetProperty("spzVersion").GetInt32());
        Assert.Equal(267_776, root.GetProperty("gaussians").GetInt32());
        Assert.Equal("medium", root.GetProperty("density").GetString());
        Assert.Equal(62_319, root.GetProperty("positiveInfiniteLogits").GetInt32());
        Assert.Equal(13, root.GetProperty("negativeInfiniteLogits").GetInt32());
        Assert.Equal(-0.3159, root.GetProperty("boundsMin")[0].GetDouble(), 4);
        Assert.True(root.GetProperty("validator").GetProperty("valid").GetBoolean());
    }

    [FixtureFact]
    public void Inspect_reports_hamburger_as_text_with_a_passing_verdict()
    {
        var code = new InspectCommand(new SplatOptions()).Run(Fixture("hamburger.ply"), json: false, stdout, stderr);
        Assert.Equal(0, code);
        var text = stdout.ToString();
        Assert.Contains("52,709", text);
        Assert.Contains("PLY binary_little_endian, 14 vertex properties, header 361 bytes", text);
        Assert.Contains("density sparse", text);
        Assert.Contains("validator    PASS (as it would arrive after SPZ)", text);
    }

    [FixtureFact]
    public void Inspect_reads_the_base64_monkey_mock()
    {
        Assert.Equal(0, new InspectCommand(new SplatOptions()).Run(Fixture("monkey.encoded.ply"), json: false, stdout, stderr));
        Assert.Contains("base64 text of PLY", stdout.ToString());
        Assert.Contains("36,039", stdout.ToString());
    }

    [Fact]
    public void Inspect_exits_2_and_lists_every_reason_when_the_validator_would_reject()
    {
        var cloud = SplatSamples.RandomCloud(100);
        cloud.Opacities.AsSpan().Fill(-30f);
        var code = new InspectCommand(new SplatOptions()).Run(WritePly(cloud), json: false, stdout, stderr);
        Assert.Equal(InspectCommand.Rejected, code);
        Assert.Contains("GaussianCount: 100 gaussians", stdout.ToString());
        Assert.Contains("ZeroOpacity: 100 % of splats", stdout.ToString());
    }

    [Fact]
    public void Inspect_of_a_corrupt_file_exits_1_with_the_located_error()
    {
        var path = Temp("bad.ply");
        File.WriteAllText(path, "ply\nformat binary_little_endian 1.0\nelement vertex 10\nproperty flaot x\nend_header\n");
        Assert.Equal(1, new InspectCommand(new SplatOptions()).Run(path, json: false, stdout, stderr));
        Assert.Contains("header line 4", stderr.ToString());
    }

    [Fact]
    public void Inspect_of_a_missing_file_exits_1()
    {
        Assert.Equal(1, new InspectCommand(new SplatOptions()).Run(Temp("missing.spz"), json: true, stdout, stderr));
        Assert.Contains("no such file", stderr.ToString());
    }

    [FixtureFact]
    public void Convert_takes_robocop_to_ply_and_back_to_the_same_payload()
    {
        var command = new ConvertCommand(new SplatOptions());
        Assert.Equal(0, command.Run(Fixture("robocop.spz"), Temp("robocop.ply"), stdout, stderr));
        Assert.Equal(0, command.Run(Temp("robocop.ply"), Temp("robocop.spz"), stdout, stderr));
        var original = SpzReader.ReadFile(Fixture("robocop.spz")).Cloud;
        Assert.Equal(SpzPacker.Pack(original), SpzPacker.Pack(SpzReader.ReadFile(Temp("robocop.spz")).Cloud));
        Assert.Equal(PlyWriter.Header(267_776, 0).Length + 267_776 * 56, new FileInfo(Temp("robocop.ply")).Length);
    }

    [FixtureFact]
    public void Convert_packs_hamburger_as_the_subnet_spz()
    {
        Assert.Equal(0, new ConvertCommand(new SplatOptions()).Run(Fixture("hamburger.ply"), Temp("hamburger.spz"), stdout, stderr));
        var bytes = File.ReadAllBytes(Temp("hamburger.spz"));
        Assert.Equal(new byte[] { 0x28, 0xB5, 0x2F, 0xFD }, bytes[..4]);
        Assert.Equal((ulong)(16 + 19 * 52_709), ZstdNative.FrameContentSize(bytes));
        Assert.Contains("52,709 gaussians", stdout.ToString());
    }

    [Fact]
    public void Convert_refuses_an_output_without_a_known_extension()
    {
        Assert.Equal(1, new ConvertCommand(new SplatOptions()).Run(WritePly(SplatSamples.RandomCloud(10)), Temp("out.obj"), stdout, stderr));
        Assert.Contains(".ply or .spz", stderr.ToString());
    }

    [Fact]
    public void Normalize_centres_scales_and_reports_each_decision()
    {
        var cloud = SplatSamples.RandomCloud(8000);
        for (var k = 0; k < cloud.Positions.Length; k++) cloud.Positions[k] = cloud.Positions[k] * 3 + 5;
        for (var i = 0; i < cloud.Count; i++) cloud.Opacities[i] = 0.5f;
        var code = new NormalizeCommand(new SplatOptions()).Run(WritePly(cloud), Temp("out.spz"), stdout, stderr);
        Assert.Equal(0, code);
        var result = CloudStatistics.Compute(SpzReader.ReadFile(Temp("out.spz")).Cloud);
        Assert.Equal(1.5f, result.MaxExtent, 2);
        Assert.Equal(0, result.ScalarMean, 2);
        Assert.InRange(result.OpacityLogitMean, 3.8, 4.2); // alpha bytes quantise logits near 4 by about 0.1
        Assert.Contains("geometry   changed", stdout.ToString());
        Assert.Contains("opacity    changed: mean logit 0.5 is below the healthy range [2, 6]", stdout.ToString());
        Assert.Contains("validator  PASS", stdout.ToString());
    }

    [Fact]
    public void The_bench_prints_a_table_and_one_json_object_with_the_figures()
    {
        var bench = new BenchSplatsCommand(new SplatOptions()) { Gaussians = 2000, Repeats = 1 };
        Assert.Equal(0, bench.Run(json: false, stdout, stderr));
        Assert.Contains("PLY->SPZ 1 thread (s)", stdout.ToString());
        var json = new StringWriter();
        Assert.Equal(0, bench.Run(json: true, json, stderr));
        using var report = JsonDocument.Parse(json.ToString());
        var results = report.RootElement.GetProperty("results");
        Assert.Equal([0, 3], results.EnumerateArray().Select(r => r.GetProperty("shDegree").GetInt32()));
        Assert.All(results.EnumerateArray(), r => Assert.True(r.GetProperty("plyToSpzSeconds1").GetDouble() > 0));
        Assert.Equal(PlyWriter.Header(2000, 0).Length + 2000 * 56, results[0].GetProperty("plyBytes").GetInt64());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Bench_splats_prints_no_reference_figures(bool json)
    {
        var bench = new BenchSplatsCommand(new SplatOptions()) { Gaussians = 2000, Repeats = 1 };
        Assert.Equal(0, bench.Run(json, stdout, stderr));
        Assert.DoesNotContain("reference", stdout.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("C++", stdout.ToString(), StringComparison.Ordinal);
    }
}
