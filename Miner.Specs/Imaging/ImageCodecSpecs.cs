using Miner.Models.Imaging;

namespace Miner.Specs.Imaging;

/// <summary>Decoding through ImageSharp with PNG, JPEG and WebP registered, and lossless PNG writing.</summary>
public sealed class ImageCodecSpecs
{
    [Fact]
    public void The_configuration_registers_only_png_jpeg_and_webp()
    {
        var names = ImageCodec.Configuration.ImageFormats.Select(f => f.Name.ToUpperInvariant()).Order().ToArray();
        Assert.Equal(["JPEG", "PNG", "WEBP"], names);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(33, 17)]
    public void Rgba_pngs_of_odd_sizes_round_trip_exactly(int width, int height)
    {
        var image = TestImages.Noise(width, height, width * height);
        var decoded = ImageCodec.Decode(ImageCodec.EncodePng(image));
        Assert.Equal((width, height), (decoded.Width, decoded.Height));
        Assert.Equal(image.Pixels, decoded.Pixels);
    }

    [Fact]
    public void Fully_transparent_pixels_keep_their_colour()
    {
        var image = TestImages.Noise(6, 5, 4);
        for (var i = 3; i < image.Pixels.Length; i += 8) image.Pixels[i] = 0;
        Assert.Equal(image.Pixels, ImageCodec.Decode(ImageCodec.EncodePng(image)).Pixels);
    }

    [Fact]
    public void Rgb_encoding_drops_alpha_keeps_colour_and_decodes_opaque()
    {
        var image = TestImages.Noise(5, 9, 7);
        var png = ImageCodec.EncodePng(image, includeAlpha: false);
        Assert.Equal(2, png[25]); // IHDR colour type: truecolour without alpha
        Assert.Equal(8, png[24]); // bit depth
        var decoded = ImageCodec.Decode(png);
        for (var i = 0; i < image.Pixels.Length; i += 4)
        {
            Assert.Equal(image.Pixels.AsSpan(i, 3).ToArray(), decoded.Pixels.AsSpan(i, 3).ToArray());
            Assert.Equal(255, decoded.Pixels[i + 3]);
        }
    }

    [Fact]
    public void Rgba_encoding_says_8_bit_rgba_in_the_header()
    {
        var png = ImageCodec.EncodePng(TestImages.Noise(3, 2, 1));
        Assert.Equal(TestPng.Signature, png[..8]);
        Assert.Equal((byte)8, png[24]);
        Assert.Equal((byte)6, png[25]);
    }

    [Fact]
    public void A_png_built_chunk_by_chunk_decodes_to_its_samples()
    {
        // 2x1 RGB, filter 0: red then blue, independent of any encoder.
        byte[] raw = [0, 255, 0, 0, 0, 0, 255];
        var png = TestPng.File(TestPng.Ihdr(2, 1, 8, 2), TestPng.Chunk("IDAT", TestPng.Zlib(raw)), TestPng.Chunk("IEND", []));
        Assert.Equal(new byte[] { 255, 0, 0, 255, 0, 0, 255, 255 }, ImageCodec.Decode(png).Pixels);
    }

    [Fact]
    public void Png_jpeg_and_webp_all_decode()
    {
        var gradient = TestImages.Gradient(40, 24);
        Assert.Equal(gradient.Pixels, ImageCodec.Decode(ImageCodec.EncodePng(gradient)).Pixels);
        Assert.Equal(gradient.Pixels, ImageCodec.Decode(TestImages.LosslessWebp(gradient)).Pixels);
        AssertClose(gradient, ImageCodec.Decode(TestImages.Jpeg(gradient)), 6);
        AssertClose(gradient, ImageCodec.Decode(TestImages.LossyWebp(gradient)), 24);
    }

    [Fact]
    public void Webp_lossless_keeps_alpha()
    {
        var image = TestImages.Noise(9, 7, 21);
        Assert.Equal(image.Pixels, ImageCodec.Decode(TestImages.LosslessWebp(image)).Pixels);
    }

    private static void AssertClose(RgbaImage expected, RgbaImage actual, int tolerance)
    {
        Assert.Equal((expected.Width, expected.Height), (actual.Width, actual.Height));
        var worst = 0;
        for (var i = 0; i < expected.Pixels.Length; i++) worst = Math.Max(worst, Math.Abs(expected.Pixels[i] - actual.Pixels[i]));
        Assert.True(worst <= tolerance, $"largest channel difference {worst}, allowed {tolerance}");
    }
}
