using Miner.Models.Imaging;

namespace Miner.Specs.Imaging;

/// <summary>Only PNG, JPEG and WebP are decoded; every other format is refused as unsupported before any decoder runs.</summary>
public sealed class ImageFormatDetectionSpecs
{
    [Theory]
    [InlineData("GIF", "GIF")]
    [InlineData("TIFF", "TIFF")]
    [InlineData("BMP", "BMP")]
    [InlineData("PBM", "PBM")]
    [InlineData("TGA", "unknown")]
    public void Real_files_of_unregistered_formats_are_refused_as_unsupported(string format, string detected)
    {
        var bytes = TestImages.Refused(format, TestImages.Noise(8, 6, 5, opaque: true));
        var error = Assert.Throws<UnsupportedImageFormatException>(() => ImageCodec.Decode(bytes));
        Assert.Equal(detected, error.DetectedFormat);
        Assert.Equal($"unsupported image format: {detected} detected, only PNG, JPEG and WebP are supported", error.Message);
    }

    [Theory]
    [InlineData("GIF", new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a', 1, 0 })]
    [InlineData("BMP", new byte[] { (byte)'B', (byte)'M', 0, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData("TIFF", new byte[] { (byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0 })]
    [InlineData("unknown", new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 })]
    public void Magic_bytes_of_other_formats_give_an_unsupported_format_error_naming_what_was_detected(string format, byte[] bytes)
    {
        var error = Assert.Throws<UnsupportedImageFormatException>(() => ImageCodec.Decode(bytes));
        Assert.Equal(format, error.DetectedFormat);
        Assert.Contains(format, error.Message);
    }

    [Fact]
    public void A_file_shorter_than_the_png_signature_but_matching_it_is_a_truncated_png()
    {
        var error = Assert.Throws<ImageDecodeException>(() => ImageCodec.Decode(TestPng.Signature.AsSpan(0, 5)));
        Assert.Equal("PNG", error.Format);
    }

    [Theory]
    [InlineData("JPEG", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 })]
    [InlineData("WebP", new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 1, 2, 3, 4, (byte)'W', (byte)'E', (byte)'B', (byte)'P' })]
    public void Magic_bytes_of_a_supported_format_without_a_header_are_a_truncated_file_not_an_unsupported_one(string format, byte[] bytes)
    {
        var error = Assert.Throws<ImageDecodeException>(() => ImageCodec.Decode(bytes));
        Assert.Equal(format, error.Format);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void An_empty_input_is_a_one_line_error()
    {
        var error = Assert.Throws<ImageDecodeException>(() => ImageCodec.Decode([]));
        Assert.Equal("the image is empty (0 bytes)", error.Message);
    }
}
