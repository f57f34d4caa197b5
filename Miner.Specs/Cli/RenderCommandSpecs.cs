using Miner.Host.Cli;
using Miner.Models.Imaging;
using Miner.Models.Rendering;
using Miner.Models.Splats;
using Miner.Specs.Configuration;

namespace Miner.Specs.Cli;

/// <summary>`miner render`: the files it writes and the errors it gives, through the real command line.</summary>
public sealed class RenderCommandSpecs : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _ply;

    public RenderCommandSpecs()
    {
        _ply = Path.Combine(_dir.Path, "cloud.ply");
        SplatFile.Save(_ply, RenderBenchmark.SyntheticCloud(2000));
    }

    public void Dispose() => _dir.Dispose();

    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = MinerCli.Run(args, stdout, stderr, new Dictionary<string, string?>());
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static RgbaImage ReadPng(string path) => ImageCodec.Decode(File.ReadAllBytes(path));

    [Fact]
    public void Out_dir_writes_the_16_production_views_as_518_pngs()
    {
        var dir = Path.Combine(_dir.Path, "views");
        var (exit, _, error) = Run("render", _ply, "--out", dir);
        Assert.True(exit == 0, error);
        var files = Directory.GetFiles(dir, "*.png").Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 16).Select(v => Path.Combine(dir, $"view-{v:00}.png")), files);
        var view1 = ReadPng(files[1]);
        Assert.Equal((518, 518), (view1.Width, view1.Height));
        Assert.Equal(SplatRasterizer.Render(SplatFile.Load(_ply).Cloud, ProductionViews.Camera(1)).Pixels, view1.Pixels);
    }

    [Fact]
    public void Views_0_and_15_are_the_same_camera_and_the_same_image()
    {
        var dir = Path.Combine(_dir.Path, "views");
        Assert.Equal(0, Run("render", _ply, "--out", dir).Exit);
        Assert.Equal(ReadPng(Path.Combine(dir, "view-00.png")).Pixels, ReadPng(Path.Combine(dir, "view-15.png")).Pixels);
    }

    [Fact]
    public void Grid_writes_the_1041_grid_preview()
    {
        var grid = Path.Combine(_dir.Path, "grid.png");
        var (exit, _, error) = Run("render", _ply, "--grid", grid);
        Assert.True(exit == 0, error);
        var image = ReadPng(grid);
        Assert.Equal((1041, 1041), (image.Width, image.Height));
        Assert.Equal(GridPreview.Render(SplatFile.Load(_ply).Cloud).Pixels, image.Pixels);
    }

    [Fact]
    public void A_custom_view_writes_one_png_of_the_requested_size_and_camera()
    {
        var png = Path.Combine(_dir.Path, "custom.png");
        var (exit, output, error) = Run("render", _ply, "--theta", "45", "--phi", "0", "--radius", "3.0", "--bbox", "1.0",
            "--size", "96", "--fov", "60", "--out", png);
        Assert.True(exit == 0, error);
        Assert.Contains("96x96", output, StringComparison.Ordinal);
        var expected = SplatRasterizer.Render(SplatFile.Load(_ply).Cloud, new OrbitCamera(45, 0, 3.0, 96, 96, 60),
            RenderOptions.Production with { ReferenceSize = 1.0 });
        Assert.Equal(expected.Pixels, ReadPng(png).Pixels);
    }

    [Fact]
    public void An_spz_file_renders_like_the_cloud_it_holds()
    {
        var spz = Path.Combine(_dir.Path, "cloud.spz");
        SplatFile.Save(spz, SplatFile.Load(_ply).Cloud);
        var png = Path.Combine(_dir.Path, "spz.png");
        Assert.Equal(0, Run("render", spz, "--theta", "24", "--size", "64", "--out", png).Exit);
        var expected = SplatRasterizer.Render(SplatFile.Load(spz).Cloud, new OrbitCamera(24, -15, 2.5, 64, 64));
        Assert.Equal(expected.Pixels, ReadPng(png).Pixels);
    }

    [Fact]
    public void Nothing_to_render_is_an_error()
    {
        var (exit, _, error) = Run("render", _ply);
        Assert.Equal(1, exit);
        Assert.Contains("nothing to render", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_view_without_out_is_an_error()
    {
        var (exit, _, error) = Run("render", _ply, "--theta", "45");
        Assert.Equal(1, exit);
        Assert.Contains("--out", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--radius", "0", "--radius")]
    [InlineData("--bbox", "-1", "--bbox")]
    [InlineData("--fov", "180", "--fov")]
    [InlineData("--size", "0", "--size")]
    [InlineData("--size", "20000", "--size")]
    public void An_out_of_range_camera_value_is_an_error_naming_the_flag(string flag, string value, string named)
    {
        var png = Path.Combine(_dir.Path, "bad.png");
        var (exit, _, error) = Run("render", _ply, flag, value, "--out", png);
        Assert.Equal(1, exit);
        Assert.Contains(named, error, StringComparison.Ordinal);
        Assert.False(File.Exists(png));
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_it()
    {
        var missing = Path.Combine(_dir.Path, "missing.ply");
        var (exit, _, error) = Run("render", missing, "--grid", Path.Combine(_dir.Path, "g.png"));
        Assert.Equal(1, exit);
        Assert.Contains("missing.ply", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_file_is_an_error_not_a_crash()
    {
        var corrupt = Path.Combine(_dir.Path, "corrupt.ply");
        File.WriteAllBytes(corrupt, File.ReadAllBytes(_ply)[..300]);
        var (exit, _, error) = Run("render", corrupt, "--grid", Path.Combine(_dir.Path, "g.png"));
        Assert.Equal(1, exit);
        Assert.StartsWith("error:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cloud_of_zero_extent_is_an_error()
    {
        var flat = new GaussianCloud(3, 0);
        for (var i = 0; i < 3; i++) flat.Rotations[4 * i] = 1;
        var path = Path.Combine(_dir.Path, "point.ply");
        SplatFile.Save(path, flat);
        var (exit, _, error) = Run("render", path, "--grid", Path.Combine(_dir.Path, "g.png"));
        Assert.Equal(1, exit);
        Assert.Contains("zero extent", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Gate_prints_the_verdict_and_exits_by_decision()
    {
        // 2000 gaussians are fewer than the validator's 7000: retry, exit 2, the check named.
        var (exit, output, _) = Run("gate", _ply);
        Assert.Equal(2, exit);
        Assert.Contains("retry", output, StringComparison.Ordinal);
        Assert.Contains("GaussianCount", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Gate_reads_its_thresholds_from_miner_gate()
    {
        var (exit, _, error) = Run("gate", _ply, "--miner.gate.views", "0");
        Assert.Equal(1, exit);
        Assert.Contains("miner.gate.views", error, StringComparison.Ordinal);
    }
}
