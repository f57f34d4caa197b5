using Miner.Models.Imaging;
using Miner.Specs.TestKit;

namespace Miner.Specs.Imaging;

/// <summary>A PNG's header is checked against the pixel budget and against what its compressed data can hold before any pixel is allocated.</summary>
public sealed class PngLimitSpecs
{
    [Fact]
    public void A_10_KB_png_declaring_100000_by_100000_is_refused_before_allocating()
    {
        var bytes = TestPng.File(TestPng.Ihdr(100_000, 100_000, 8, 6), TestPng.Chunk("IDAT", RandomBytes(10_000)), TestPng.Chunk("IEND", []));
        PngFormatException? error = null;
        var allocated = SpecialFiles.AllocatedBy(() => error = Assert.Throws<PngFormatException>(() => PngDecoder.Decode(bytes)));
        Assert.Equal("IHDR", error!.Chunk);
        Assert.Contains("100000x100000 exceeds", error.Message);
        Assert.True(allocated < 1 << 20, $"{allocated} bytes allocated");
    }

    [Fact]
    public void A_png_at_the_pixel_budget_with_10_KB_of_data_is_refused_before_inflating()
    {
        var bytes = TestPng.File(TestPng.Ihdr(16_384, 4_096, 8, 6), TestPng.Chunk("IDAT", TestPng.Zlib(RandomBytes(10_000))), TestPng.Chunk("IEND", []));
        PngFormatException? error = null;
        var allocated = SpecialFiles.AllocatedBy(() => error = Assert.Throws<PngFormatException>(() => PngDecoder.Decode(bytes)));
        Assert.Equal("IDAT", error!.Chunk);
        Assert.Contains("cannot hold 268439552 bytes of image data", error.Message);
        Assert.True(allocated < 1 << 20, $"{allocated} bytes allocated");
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(17).NextBytes(bytes);
        return bytes;
    }
}
