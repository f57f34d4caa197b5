using Miner.Models.Generation;
using Miner.Models.Imaging;
using Miner.Models.Rendering;
using Miner.Models.Splats;

namespace Miner.Specs.Generation.Cpu;

/// <summary>The CPU inflation fallback: the front render reproduces the input silhouette, and the cloud is one the validator accepts.</summary>
public sealed class SilhouetteInflationImageTo3DSpecs
{
    private const int Size = 240;
    private static readonly SilhouetteInflationImageTo3D Inflation = new();

    [Theory]
    [InlineData("disc")]
    [InlineData("box")]
    [InlineData("L")]
    public async Task The_front_render_reproduces_the_input_silhouette(string shape)
    {
        var coverage = SilhouetteImages.Coverage(SilhouetteImages.Named(shape), Size);
        var input = SilhouetteImages.Transparent(coverage, Size, (200, 60, 40));

        var cloud = Encode(await Inflation.GenerateAsync(input, 1, CancellationToken.None));

        var rendered = SilhouetteImages.RenderedMask(cloud, ProductionViews.Camera(0));
        var iou = SilhouetteImages.ShapeIou(rendered, ProductionViews.ImageSize, SilhouetteImages.AlphaMask(input), Size);
        Assert.True(iou >= 0.9, $"{shape}: IoU {iou:F4} of the front render with the input silhouette");
    }

    [Fact]
    public async Task An_image_rendered_from_a_splat_object_comes_back_through_matting_and_inflation()
    {
        var source = ProceduralObject();
        var picture = SplatRasterizer.Render(source, ProductionViews.Camera(0));
        var matted = await new BorderMattingBackgroundRemover().RemoveBackgroundAsync(picture, CancellationToken.None);

        var cloud = Encode(await Inflation.GenerateAsync(matted, 3, CancellationToken.None));

        var rendered = SilhouetteImages.RenderedMask(cloud, ProductionViews.Camera(0));
        var truth = SilhouetteImages.RenderedMask(source, ProductionViews.Camera(0));
        var iou = SilhouetteImages.ShapeIou(rendered, ProductionViews.ImageSize, truth, ProductionViews.ImageSize);
        Assert.True(iou >= 0.9, $"IoU {iou:F4} of the front render with the object's own front render");
    }

    [Fact]
    public async Task The_front_render_takes_its_colours_from_the_image()
    {
        var coverage = SilhouetteImages.Coverage(SilhouetteImages.Disc, Size);
        var input = SilhouetteImages.Transparent(coverage, Size, (30, 90, 210));

        var cloud = Encode(await Inflation.GenerateAsync(input, 1, CancellationToken.None));

        var (r, g, b, _) = SplatRasterizer.Render(cloud, ProductionViews.Camera(0)).GetPixel(ProductionViews.ImageSize / 2, ProductionViews.ImageSize / 2);
        Assert.InRange(r, 20, 45);
        Assert.InRange(g, 78, 102);
        Assert.InRange(b, 195, 225);
    }

    [Fact]
    public async Task The_cloud_holds_at_least_the_default_budget_of_150K_gaussians()
    {
        var input = SilhouetteImages.Transparent(SilhouetteImages.Coverage(SilhouetteImages.LShape, Size), Size, (200, 60, 40));

        var splats = await Inflation.GenerateAsync(input, 1, CancellationToken.None);

        Assert.InRange(splats.Count, 150_000, 180_000);
    }

    [Fact]
    public async Task The_gaussian_budget_is_configurable()
    {
        var input = SilhouetteImages.Transparent(SilhouetteImages.Coverage(SilhouetteImages.Disc, Size), Size, (200, 60, 40));

        var splats = await new SilhouetteInflationImageTo3D(new CpuBackendOptions { GaussianBudget = 20_000 }).GenerateAsync(input, 1, CancellationToken.None);

        Assert.InRange(splats.Count, 20_000, 24_000);
    }

    [Fact]
    public async Task The_cloud_passes_the_validators_validity_check_as_submitted()
    {
        var input = SilhouetteImages.Transparent(SilhouetteImages.Coverage(SilhouetteImages.Box, Size), Size, (200, 60, 40));

        var cloud = Encode(await Inflation.GenerateAsync(input, 1, CancellationToken.None));

        var verdict = ValidatorValidityCheck.CheckAsSubmitted(cloud);
        Assert.True(verdict.IsValid, string.Join("; ", verdict.Failures.Select(f => f.Detail)));
    }

    [Fact]
    public async Task The_cloud_is_centred_per_axis_and_fits_the_reference_size()
    {
        var input = SilhouetteImages.Transparent(SilhouetteImages.Coverage(SilhouetteImages.LShape, Size), Size, (200, 60, 40));

        var splats = await Inflation.GenerateAsync(input, 1, CancellationToken.None);

        for (var axis = 0; axis < 3; axis++)
        {
            var values = Enumerable.Range(0, splats.Count).Select(i => (double)splats.Positions[3 * i + axis]).ToArray();
            Assert.InRange(values.Average(), -1e-3, 1e-3);
            Assert.True(values.Max() - values.Min() <= 1.5 + 1e-4, $"axis {axis} extent {values.Max() - values.Min()}");
        }
        var largest = Enumerable.Range(0, 3).Max(a => Enumerable.Range(0, splats.Count).Max(i => splats.Positions[3 * i + a]) - Enumerable.Range(0, splats.Count).Min(i => splats.Positions[3 * i + a]));
        Assert.InRange(largest, 1.5 - 1e-4, 1.5 + 1e-4);
        Assert.Equal(1.0, ValidatorNormalization.ScaleFactor(Encode(splats)), 3);
    }

    [Fact]
    public async Task Rotations_follow_the_relief_so_they_are_not_all_the_identity()
    {
        var input = SilhouetteImages.Transparent(SilhouetteImages.Coverage(SilhouetteImages.Disc, Size), Size, (200, 60, 40));

        var splats = await Inflation.GenerateAsync(input, 1, CancellationToken.None);

        var tilted = Enumerable.Range(0, splats.Count).Count(i => MathF.Abs(splats.Rotations[4 * i]) < 0.99f);
        Assert.True(tilted > splats.Count / 10, $"{tilted} of {splats.Count} rotations differ from the identity");
    }

    [Fact]
    public async Task The_same_image_and_seed_give_the_same_cloud()
    {
        var input = SilhouetteImages.Transparent(SilhouetteImages.Coverage(SilhouetteImages.Box, 64), 64, (200, 60, 40));
        var options = new CpuBackendOptions { GaussianBudget = 10_000 };

        var first = await new SilhouetteInflationImageTo3D(options).GenerateAsync(input, 5, CancellationToken.None);
        var second = await new SilhouetteInflationImageTo3D(options).GenerateAsync(input, 5, CancellationToken.None);

        Assert.Equal(first.Positions, second.Positions);
        Assert.Equal(first.Rotations, second.Rotations);
    }

    [Fact]
    public async Task A_fully_transparent_image_is_refused_with_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<UnusableImageException>(() => Inflation.GenerateAsync(new RgbaImage(32, 32), 1, CancellationToken.None));

        Assert.Contains("no silhouette", error.Message);
    }

    [Fact]
    public async Task A_one_pixel_image_still_gives_a_full_valid_cloud()
    {
        var splats = await Inflation.GenerateAsync(new RgbaImage(1, 1, [250, 10, 10, 255]), 1, CancellationToken.None);

        Assert.True(splats.Count >= 150_000);
        Assert.True(ValidatorValidityCheck.CheckAsSubmitted(Encode(splats)).IsValid);
    }

    [Fact]
    public async Task A_one_pixel_wide_line_still_reaches_the_budget()
    {
        var pixels = new byte[1 * 300 * 4];
        for (var i = 0; i < 300; i++) pixels[4 * i + 3] = 255;

        var splats = await new SilhouetteInflationImageTo3D(new CpuBackendOptions { GaussianBudget = 50_000 })
            .GenerateAsync(new RgbaImage(1, 300, pixels), 1, CancellationToken.None);

        Assert.True(splats.Count >= 50_000);
        Assert.True(ValidatorValidityCheck.CheckAsSubmitted(Encode(splats)).IsValid);
    }

    [Fact]
    public async Task A_fully_opaque_image_inflates_into_a_slab_of_the_whole_frame()
    {
        var image = SilhouetteImages.OnBackground(new float[120 * 80], 120, (0, 0, 0), (90, 140, 60));
        var wide = new RgbaImage(120, 80, image.Pixels[..(120 * 80 * 4)]);

        var cloud = Encode(await Inflation.GenerateAsync(wide, 1, CancellationToken.None));

        var rendered = SilhouetteImages.RenderedMask(cloud, ProductionViews.Camera(0));
        var iou = SilhouetteImages.ShapeIou(rendered, ProductionViews.ImageSize, SilhouetteImages.AlphaMask(wide), 120);
        Assert.True(iou >= 0.9, $"IoU {iou:F4}");
    }

    [Fact]
    public async Task A_cancelled_request_stops_with_cancellation()
    {
        var input = SilhouetteImages.Transparent(SilhouetteImages.Coverage(SilhouetteImages.Disc, Size), Size, (200, 60, 40));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Inflation.GenerateAsync(input, 1, new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task A_cancellation_during_the_work_stops_it()
    {
        var input = SilhouetteImages.Transparent(SilhouetteImages.Coverage(SilhouetteImages.Disc, Size), Size, (200, 60, 40));
        using var cancellation = new CancellationTokenSource();
        var work = new SilhouetteInflationImageTo3D(new CpuBackendOptions { GaussianBudget = 5_000_000 }).GenerateAsync(input, 1, cancellation.Token);
        // Cancel from a thread of its own: a timer's callback waits for the thread pool, which a loaded CI machine
        // may not give it before the work is done.
        var canceller = new Thread(() =>
        {
            Thread.Sleep(5);
            cancellation.Cancel();
        });
        canceller.Start();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => work);
        canceller.Join();
    }

    [Fact]
    public void Options_out_of_range_are_refused_at_construction()
    {
        Assert.Throws<ArgumentException>(() => new SilhouetteInflationImageTo3D(new CpuBackendOptions { GaussianBudget = 100 }));
        Assert.Throws<ArgumentException>(() => new SilhouetteInflationImageTo3D(new CpuBackendOptions { DepthRatio = 0 }));
    }

    [Fact]
    public void It_says_it_is_a_fallback()
    {
        Assert.True(Inflation.IsFallback);
        Assert.Contains("fallback", Inflation.Name);
    }

    private static GaussianCloud Encode(ActivatedSplats splats) => ActivatedSplatEncoder.Encode(splats).Cloud;

    /// <summary>A vase-like object: a stack of coloured gaussian rings whose radius swells and narrows with height.</summary>
    private static GaussianCloud ProceduralObject()
    {
        var random = new Random(11);
        const int Count = 12_000;
        var cloud = new GaussianCloud(Count, 0);
        for (var i = 0; i < Count; i++)
        {
            var v = random.NextDouble();
            var radius = 0.25 + 0.3 * Math.Sin(Math.PI * v);
            var angle = random.NextDouble() * 2 * Math.PI;
            var r = radius * Math.Sqrt(random.NextDouble());
            cloud.Positions[3 * i] = (float)(r * Math.Cos(angle));
            cloud.Positions[3 * i + 1] = (float)(v * 1.4 - 0.7);
            cloud.Positions[3 * i + 2] = (float)(r * Math.Sin(angle));
            cloud.ShDc[3 * i] = (float)((0.3 + 0.5 * v - 0.5) / GaussianCloud.ShC0);
            cloud.ShDc[3 * i + 1] = (float)((0.2 - 0.5) / GaussianCloud.ShC0);
            cloud.ShDc[3 * i + 2] = (float)((0.7 - 0.4 * v - 0.5) / GaussianCloud.ShC0);
            cloud.Opacities[i] = 4f;
            cloud.Scales[3 * i] = cloud.Scales[3 * i + 1] = cloud.Scales[3 * i + 2] = MathF.Log(0.03f);
            cloud.Rotations[4 * i] = 1;
            cloud.Rotations[4 * i + 1] = 0.1f;
        }
        return cloud;
    }
}
