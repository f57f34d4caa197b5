using Miner.Models.Imaging;

namespace Miner.Specs.Imaging;

public sealed class RgbaImageSpecs
{
    private static RgbaImage Numbered(int width, int height)
    {
        var image = new RgbaImage(width, height);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                image.SetPixel(x, y, (byte)x, (byte)y, 7);
        return image;
    }

    [Fact]
    public void Crop_copies_exactly_the_rectangle()
    {
        var crop = Numbered(6, 5).Crop(2, 1, 3, 2);
        Assert.Equal((3, 2), (crop.Width, crop.Height));
        Assert.Equal(((byte)2, (byte)1, (byte)7, (byte)255), crop.GetPixel(0, 0));
        Assert.Equal(((byte)4, (byte)2, (byte)7, (byte)255), crop.GetPixel(2, 1));
    }

    [Fact]
    public void Crop_outside_the_image_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Numbered(4, 4).Crop(2, 2, 3, 1));
    }

    [Fact]
    public void Resize_to_the_same_size_is_the_identity_for_opaque_images()
    {
        var image = Numbered(9, 7);
        Assert.Equal(image.Pixels, image.Resize(9, 7).Pixels);
    }

    [Theory]
    [InlineData(3, 17)]
    [InlineData(40, 40)]
    public void Resizing_a_flat_colour_keeps_it_flat(int width, int height)
    {
        var image = new RgbaImage(10, 10);
        for (var i = 0; i < image.Pixels.Length; i += 4) new byte[] { 30, 140, 250, 200 }.CopyTo(image.Pixels, i);
        Assert.All(image.Resize(width, height).Pixels.Chunk(4), p => Assert.Equal([30, 140, 250, 200], p));
    }

    [Fact]
    public void Halving_a_checkerboard_averages_it_to_grey()
    {
        var image = new RgbaImage(16, 16);
        for (var y = 0; y < 16; y++)
            for (var x = 0; x < 16; x++)
            {
                var v = (byte)((x + y) % 2 * 255);
                image.SetPixel(x, y, v, v, v);
            }
        var half = image.Resize(8, 8);
        for (var y = 2; y < 6; y++)
            for (var x = 2; x < 6; x++)
                Assert.InRange(half.GetPixel(x, y).R, (byte)120, (byte)135);
    }

    [Fact]
    public void Resize_does_not_bleed_the_colour_of_transparent_pixels()
    {
        var image = new RgbaImage(4, 4);
        for (var y = 0; y < 4; y++)
            for (var x = 0; x < 4; x++)
                if (x < 2) image.SetPixel(x, y, 255, 0, 0, 0);
                else image.SetPixel(x, y, 0, 0, 255, 255);
        var large = image.Resize(11, 9);
        Assert.All(large.Pixels.Chunk(4), p => Assert.Equal(0, p[0]));
    }

    [Fact]
    public void Composite_over_a_colour_blends_by_alpha_and_is_opaque()
    {
        var image = new RgbaImage(3, 1);
        image.SetPixel(0, 0, 10, 20, 30, 255);
        image.SetPixel(1, 0, 10, 20, 30, 0);
        image.SetPixel(2, 0, 255, 0, 0, 128);
        var result = image.CompositeOver(0, 0, 255);
        Assert.Equal(((byte)10, (byte)20, (byte)30, (byte)255), result.GetPixel(0, 0));
        Assert.Equal(((byte)0, (byte)0, (byte)255, (byte)255), result.GetPixel(1, 0));
        Assert.Equal(((byte)128, (byte)0, (byte)127, (byte)255), result.GetPixel(2, 0));
    }
}
