using Miner.Models.Imaging;

namespace Miner.Specs.Imaging;

/// <summary>
/// Hostile bytes through the decoding path: truncations, mutations and random tails of PNG, JPEG and WebP files
/// either decode or give one-line <see cref="ImageDecodeException"/>s; never another exception type.
/// </summary>
public sealed class ImageFuzzSpecs
{
    private static readonly byte[] Png = ImageCodec.EncodePng(TestImages.Noise(5, 4, 3));
    private static readonly byte[] Jpeg = TestImages.Jpeg(TestImages.Gradient(17, 9), quality: 80);
    private static readonly byte[] Webp = TestImages.LosslessWebp(TestImages.Noise(5, 4, 3));
    private static readonly byte[] LossyWebp = TestImages.LossyWebp(TestImages.Gradient(17, 9));

    public static TheoryData<string> Formats => ["PNG", "JPEG", "WebP", "lossy WebP"];

    private static byte[] Sample(string format) => format switch
    {
        "PNG" => Png,
        "JPEG" => Jpeg,
        "WebP" => Webp,
        _ => LossyWebp,
    };

    private static void DecodesOrThrowsImageDecodeException(ReadOnlySpan<byte> bytes)
    {
        Exception? error = null;
        try
        {
            ImageCodec.Decode(bytes);
        }
        catch (Exception caught)
        {
            error = caught;
        }
        if (error is null) return;
        Assert.True(error is ImageDecodeException or UnsupportedImageFormatException, error.ToString());
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void An_interlaced_png_that_sends_imagesharp_into_an_endless_loop_is_refused_before_decoding()
    {
        // Found by Random_scanline_bytes_under_every_png_header: 9x2, 16-bit RGBA, Adam7, a PLTE and 10 bytes of scanlines.
        var bytes = Convert.FromHexString("89504E470D0A1A0A0000000D4948445200000009000000021006000001ADC11A0600000009504C5445010203040506070809258556F0"
            + "00000010494441547801BBBFFC8BF2D4DC342E0016690410CBC3A66D0000000049454E44AE426082");
        var error = Assert.Throws<ImageDecodeException>(() => ImageCodec.Decode(bytes));
        Assert.StartsWith("PNG image: image data ends after ", error.Message);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_file_truncated_at_every_offset_decodes_or_throws_a_format_error(string format)
    {
        var sample = Sample(format);
        for (var n = 0; n < sample.Length; n++) DecodesOrThrowsImageDecodeException(sample.AsSpan(0, n));
    }

    [Fact]
    public void A_png_truncated_before_its_image_data_is_a_png_format_error()
    {
        for (var n = 0; n < 33; n++)
        {
            var error = Assert.IsType<ImageDecodeException>(Record.Exception(() => ImageCodec.Decode(Png.AsSpan(0, n))));
            if (n > 0) Assert.Equal("PNG", error.Format);
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Random_byte_mutations_only_ever_throw_format_errors(string format)
    {
        var sample = Sample(format);
        var random = new Random(11);
        for (var i = 0; i < 1500; i++)
        {
            var bytes = (byte[])sample.Clone();
            for (var k = random.Next(1, 4); k > 0; k--) bytes[random.Next(8, bytes.Length)] = (byte)random.Next(256);
            DecodesOrThrowsImageDecodeException(bytes);
        }
    }

    [Fact]
    public void Png_mutations_with_repaired_crcs_reach_the_parser_and_only_throw_format_errors()
    {
        var random = new Random(12);
        for (var i = 0; i < 3000; i++)
        {
            var bytes = (byte[])Png.Clone();
            for (var k = random.Next(1, 4); k > 0; k--) bytes[random.Next(8, bytes.Length)] = (byte)random.Next(256);
            TestPng.FixCrcs(bytes);
            DecodesOrThrowsImageDecodeException(bytes);
        }
    }

    [Fact]
    public void Random_scanline_bytes_under_every_png_header_only_throw_format_errors()
    {
        // Valid zlib and CRCs around garbage filtered data: exercises unfiltering and sample expansion.
        var random = new Random(13);
        (int Type, int Depth)[] kinds = [(0, 1), (0, 2), (0, 4), (0, 8), (0, 16), (2, 8), (2, 16), (3, 1), (3, 4), (3, 8), (4, 8), (4, 16), (6, 8), (6, 16)];
        for (var i = 0; i < 600; i++)
        {
            var (type, depth) = kinds[random.Next(kinds.Length)];
            int w = random.Next(1, 12), h = random.Next(1, 12);
            var raw = new byte[random.Next(0, 400)];
            random.NextBytes(raw);
            var bytes = TestPng.File(TestPng.Ihdr(w, h, depth, type, random.Next(2)), TestPng.Chunk("PLTE", [1, 2, 3, 4, 5, 6, 7, 8, 9]),
                TestPng.Chunk("IDAT", TestPng.Zlib(raw)), TestPng.Chunk("IEND", []));
            DecodesOrThrowsImageDecodeException(bytes);
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Random_bytes_after_a_real_header_only_throw_format_errors(string format)
    {
        var sample = Sample(format);
        var random = new Random(14);
        for (var i = 0; i < 1000; i++)
        {
            var keep = random.Next(1, Math.Min(sample.Length, 40));
            var tail = new byte[random.Next(0, 200)];
            random.NextBytes(tail);
            DecodesOrThrowsImageDecodeException([.. sample.AsSpan(0, keep), .. tail]);
        }
    }
}
