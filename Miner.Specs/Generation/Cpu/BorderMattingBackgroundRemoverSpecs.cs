using Miner.Models.Generation;
using Miner.Models.Imaging;

namespace Miner.Specs.Generation.Cpu;

/// <summary>The CPU matting fallback on rendered inputs: plain backgrounds, own alpha, noise and hostile images.</summary>
public sealed class BorderMattingBackgroundRemoverSpecs
{
    private const int Size = 200;
    private static readonly BorderMattingBackgroundRemover Remover = new();

    [Theory]
    [InlineData("disc", 255, 255, 255)]
    [InlineData("box", 255, 255, 255)]
    [InlineData("L", 40, 160, 90)]
    [InlineData("disc", 30, 30, 35)]
    public async Task A_shape_on_a_plain_background_is_cut_out_with_its_true_outline(string shape, int bgR, int bgG, int bgB)
    {
        var coverage = SilhouetteImages.Coverage(SilhouetteImages.Named(shape), Size);
        var image = SilhouetteImages.OnBackground(coverage, Size, (200, 40, 30), ((byte)bgR, (byte)bgG, (byte)bgB));

        var matted = await Remover.RemoveBackgroundAsync(image, CancellationToken.None);

        var iou = SilhouetteImages.Iou(SilhouetteImages.AlphaMask(matted), SilhouetteImages.TrueMask(coverage));
        Assert.True(iou >= 0.95, $"IoU {iou:F4} of the matted alpha with the true mask");
    }

    [Fact]
    public async Task The_edge_is_feathered_and_interior_colours_are_kept()
    {
        var coverage = SilhouetteImages.Coverage(SilhouetteImages.Disc, Size);
        var image = SilhouetteImages.OnBackground(coverage, Size, (20, 60, 220), (255, 255, 255));

        var matted = await Remover.RemoveBackgroundAsync(image, CancellationToken.None);

        var partial = Enumerable.Range(0, Size * Size).Count(i => matted.Pixels[4 * i + 3] is > 20 and < 235);
        Assert.True(partial > 50, $"{partial} pixels with a partial alpha along the edge");
        Assert.Equal((20, 60, 220, 255), ToInts(matted.GetPixel(Size / 2, Size / 2)));
        Assert.Equal(0, matted.GetPixel(2, 2).A);
        // An edge pixel unmixed from white keeps the disc's hue rather than a pale blend.
        var edge = Enumerable.Range(0, Size * Size).First(i => matted.Pixels[4 * i + 3] is > 60 and < 190);
        Assert.True(matted.Pixels[4 * edge + 2] > 180 && matted.Pixels[4 * edge] < 90, "edge colour unmixed towards the disc's blue");
    }

    [Fact]
    public async Task A_background_of_two_plain_colours_is_removed_on_both_sides()
    {
        var coverage = SilhouetteImages.Coverage(SilhouetteImages.Disc, Size);
        var image = SilhouetteImages.OnBackground(coverage, Size, (200, 40, 30), (255, 255, 255));
        // Right half of the background grey: a studio backdrop with a seam.
        for (var y = 0; y < Size; y++)
            for (var x = Size / 2; x < Size; x++)
                if (coverage[y * Size + x] == 0) image.SetPixel(x, y, 128, 128, 128);

        var matted = await Remover.RemoveBackgroundAsync(image, CancellationToken.None);

        var iou = SilhouetteImages.Iou(SilhouetteImages.AlphaMask(matted), SilhouetteImages.TrueMask(coverage));
        Assert.True(iou >= 0.93, $"IoU {iou:F4}");
    }

    [Fact]
    public async Task An_image_that_brings_its_own_alpha_is_returned_as_it_is()
    {
        var coverage = SilhouetteImages.Coverage(SilhouetteImages.LShape, Size);
        var image = SilhouetteImages.Transparent(coverage, Size, (10, 200, 10));

        var matted = await Remover.RemoveBackgroundAsync(image, CancellationToken.None);

        Assert.Equal(image.Pixels, matted.Pixels);
        Assert.NotSame(image.Pixels, matted.Pixels);
    }

    [Fact]
    public async Task Small_specks_in_the_background_are_dropped()
    {
        var coverage = SilhouetteImages.Coverage(SilhouetteImages.Box, Size);
        var image = SilhouetteImages.OnBackground(coverage, Size, (200, 40, 30), (255, 255, 255));
        foreach (var (x, y) in new[] { (10, 10), (180, 20), (30, 170), (150, 185) })
            image.SetPixel(x, y, 0, 0, 0);

        var matted = await Remover.RemoveBackgroundAsync(image, CancellationToken.None);

        Assert.Equal(0, matted.GetPixel(10, 10).A);
        Assert.Equal(0, matted.GetPixel(150, 185).A);
        Assert.Equal(255, matted.GetPixel(Size / 2, Size / 2).A);
    }

    [Fact]
    public async Task A_fully_transparent_image_is_refused_with_a_clear_error()
    {
        var image = new RgbaImage(64, 64);

        var error = await Assert.ThrowsAsync<UnusableImageException>(() => Remover.RemoveBackgroundAsync(image, CancellationToken.None));

        Assert.Contains("alpha", error.Message);
    }

    [Fact]
    public async Task A_one_pixel_image_is_refused_with_a_clear_error()
    {
        var image = new RgbaImage(1, 1, [10, 20, 30, 255]);

        var error = await Assert.ThrowsAsync<UnusableImageException>(() => Remover.RemoveBackgroundAsync(image, CancellationToken.None));

        Assert.Contains("1x1", error.Message);
    }

    [Fact]
    public async Task An_image_above_the_pixel_limit_is_refused_before_any_work()
    {
        var image = new RgbaImage(4097, 4096);
        Array.Fill(image.Pixels, (byte)255);

        var error = await Assert.ThrowsAsync<UnusableImageException>(() => Remover.RemoveBackgroundAsync(image, CancellationToken.None));

        Assert.Contains("4097x4096", error.Message);
    }

    [Fact]
    public async Task A_photo_without_a_plain_background_is_refused_rather_than_guessed()
    {
        var random = new Random(7);
        var pixels = new byte[Size * Size * 4];
        random.NextBytes(pixels);
        for (var i = 3; i < pixels.Length; i += 4) pixels[i] = 255;

        var error = await Assert.ThrowsAsync<UnusableImageException>(
            () => Remover.RemoveBackgroundAsync(new RgbaImage(Size, Size, pixels), CancellationToken.None));

        Assert.Contains("no plain background", error.Message);
    }

    [Fact]
    public async Task An_image_of_nothing_but_background_colour_is_refused()
    {
        var image = SilhouetteImages.OnBackground(new float[Size * Size], Size, (0, 0, 0), (240, 240, 240));

        var error = await Assert.ThrowsAsync<UnusableImageException>(() => Remover.RemoveBackgroundAsync(image, CancellationToken.None));

        Assert.Contains("all background", error.Message);
    }

    [Fact]
    public async Task A_cancelled_request_stops_with_cancellation()
    {
        var coverage = SilhouetteImages.Coverage(SilhouetteImages.Disc, Size);
        var image = SilhouetteImages.OnBackground(coverage, Size, (200, 40, 30), (255, 255, 255));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Remover.RemoveBackgroundAsync(image, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void It_says_it_is_a_fallback()
    {
        Assert.True(Remover.IsFallback);
        Assert.Contains("fallback", Remover.Name);
    }

    private static (int, int, int, int) ToInts((byte R, byte G, byte B, byte A) p) => (p.R, p.G, p.B, p.A);
}
