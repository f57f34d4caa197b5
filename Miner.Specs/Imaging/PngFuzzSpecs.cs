using Miner.Models.Imaging;

namespace Miner.Specs.Imaging;

public sealed class PngFuzzSpecs
{
    private static readonly byte[] Small = PngEncoder.Encode(Sample());

    private static RgbaImage Sample()
    {
        var image = new RgbaImage(5, 4);
        new Random(3).NextBytes(image.Pixels);
        return image;
    }

    private static void DecodesOrThrowsPngFormatException(byte[] bytes)
    {
        var error = Record.Exception(() => PngDecoder.Decode(bytes));
        if (error is not null) Assert.IsType<PngFormatException>(error);
    }

    [Fact]
    public void A_png_truncated_at_every_offset_throws_png_format_exception()
    {
        for (var n = 0; n < Small.Length; n++)
            Assert.IsType<PngFormatException>(Record.Exception(() => PngDecoder.Decode(Small.AsSpan(0, n))));
    }

    [Fact]
    public void Random_byte_mutations_only_ever_throw_png_format_exception()
    {
        var random = new Random(11);
        for (var i = 0; i < 3000; i++)
        {
            var bytes = (byte[])Small.Clone();
            for (var k = random.Next(1, 4); k > 0; k--) bytes[random.Next(8, bytes.Length)] = (byte)random.Next(256);
            DecodesOrThrowsPngFormatException(bytes);
        }
    }

    [Fact]
    public void Mutations_with_repaired_crcs_reach_the_parser_and_only_throw_png_format_exception()
    {
        var random = new Random(12);
        for (var i = 0; i < 3000; i++)
        {
            var bytes = (byte[])Small.Clone();
            for (var k = random.Next(1, 4); k > 0; k--) bytes[random.Next(8, bytes.Length)] = (byte)random.Next(256);
            TestPng.FixCrcs(bytes);
            DecodesOrThrowsPngFormatException(bytes);
        }
    }

    [Fact]
    public void Random_scanline_bytes_under_every_header_only_throw_png_format_exception()
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
            DecodesOrThrowsPngFormatException(bytes);
        }
    }

    [Fact]
    public void Random_bytes_after_the_signature_only_throw_png_format_exception()
    {
        var random = new Random(14);
        for (var i = 0; i < 2000; i++)
        {
            var tail = new byte[random.Next(0, 200)];
            random.NextBytes(tail);
            DecodesOrThrowsPngFormatException([.. TestPng.Signature, .. tail]);
        }
    }
}
