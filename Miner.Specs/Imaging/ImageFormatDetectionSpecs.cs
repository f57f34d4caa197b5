using Miner.Models.Imaging;

namespace Miner.Specs.Imaging;

public sealed class ImageFormatDetectionSpecs
{
    [Theory]
    [InlineData("JPEG", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F' })]
    [InlineData("WebP", new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 1, 2, 3, 4, (byte)'W', (byte)'E', (byte)'B', (byte)'P', (byte)'V', (byte)'P' })]
    [InlineData("GIF", new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a', 1, 0 })]
    [InlineData("BMP", new byte[] { (byte)'B', (byte)'M', 0, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData("unknown", new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 })]
    public void Non_png_bytes_give_an_unsupported_format_error_naming_what_was_detected(string format, byte[] bytes)
    {
        var error = Assert.Throws<UnsupportedImageFormatException>(() => PngDecoder.Decode(bytes));
        Assert.Equal(format, error.DetectedFormat);
        Assert.Contains(format, error.Message);
    }

    [Fact]
    public void A_file_shorter_than_the_signature_but_matching_it_is_a_truncated_png()
    {
        var error = Assert.Throws<PngFormatException>(() => PngDecoder.Decode(TestPng.Signature.AsSpan(0, 5)));
        Assert.Equal("signature", error.Chunk);
    }
}
