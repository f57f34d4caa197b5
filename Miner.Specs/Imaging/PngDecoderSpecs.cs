using Miner.Models.Imaging;

namespace Miner.Specs.Imaging;

public sealed class PngDecoderSpecs
{
    private static byte Expected8(int v, int depth) => depth switch { 16 => (byte)(v >> 8), 8 => (byte)v, _ => (byte)(v * 255 / ((1 << depth) - 1)) };

    private static int Value(int x, int y, int c, int depth) => depth == 16 ? (x * 4099 + y * 7919 + c * 1237) & 0xFFFF : (x + 2 * y + c) % (1 << depth);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(16)]
    public void Grayscale_at_every_bit_depth_scales_to_the_full_8_bit_range(int depth)
    {
        var image = PngDecoder.Decode(TestPng.Image(5, 3, 0, depth, (x, y) => [Value(x, y, 0, depth)]));
        for (var y = 0; y < 3; y++)
            for (var x = 0; x < 5; x++)
            {
                var g = Expected8(Value(x, y, 0, depth), depth);
                Assert.Equal((g, g, g, (byte)255), image.GetPixel(x, y));
            }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    public void Rgb_samples_decode_to_opaque_pixels(int depth)
    {
        var image = PngDecoder.Decode(TestPng.Image(3, 4, 2, depth, (x, y) => [Value(x, y, 0, depth), Value(x, y, 1, depth), Value(x, y, 2, depth)]));
        Assert.Equal((Expected8(Value(2, 3, 0, depth), depth), Expected8(Value(2, 3, 1, depth), depth), Expected8(Value(2, 3, 2, depth), depth), (byte)255), image.GetPixel(2, 3));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    public void Gray_with_alpha_keeps_its_alpha(int depth)
    {
        var image = PngDecoder.Decode(TestPng.Image(3, 2, 4, depth, (x, y) => [Value(x, y, 0, depth), Value(x, y, 1, depth)]));
        var g = Expected8(Value(1, 1, 0, depth), depth);
        Assert.Equal((g, g, g, Expected8(Value(1, 1, 1, depth), depth)), image.GetPixel(1, 1));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    public void Rgba_samples_decode_channel_for_channel(int depth)
    {
        var image = PngDecoder.Decode(TestPng.Image(4, 3, 6, depth, (x, y) => [.. Enumerable.Range(0, 4).Select(c => Value(x, y, c, depth))]));
        for (var y = 0; y < 3; y++)
            for (var x = 0; x < 4; x++)
                Assert.Equal((Expected8(Value(x, y, 0, depth), depth), Expected8(Value(x, y, 1, depth), depth), Expected8(Value(x, y, 2, depth), depth), Expected8(Value(x, y, 3, depth), depth)), image.GetPixel(x, y));
    }

    [Fact]
    public void Sixteen_bit_samples_keep_the_high_byte()
    {
        var image = PngDecoder.Decode(TestPng.Image(1, 1, 2, 16, (_, _) => [0x12FF, 0xAB00, 0x8080]));
        Assert.Equal(((byte)0x12, (byte)0xAB, (byte)0x80, (byte)255), image.GetPixel(0, 0));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void Palette_images_at_every_bit_depth_look_up_colour_and_trns_alpha(int depth)
    {
        var entries = Math.Min(1 << depth, 20);
        var plte = Enumerable.Range(0, entries).SelectMany(i => new[] { (byte)(i * 10), (byte)(255 - i), (byte)(i * 3) }).ToArray();
        var trns = Enumerable.Range(0, Math.Min(entries, 3)).Select(i => (byte)(i * 100)).ToArray();
        var bytes = TestPng.Image(7, 2, 3, depth, (x, y) => [(x + y) % entries], before: [TestPng.Chunk("PLTE", plte), TestPng.Chunk("tRNS", trns)]);
        var image = PngDecoder.Decode(bytes);
        for (var y = 0; y < 2; y++)
            for (var x = 0; x < 7; x++)
            {
                var i = (x + y) % entries;
                Assert.Equal((plte[3 * i], plte[3 * i + 1], plte[3 * i + 2], i < trns.Length ? trns[i] : (byte)255), image.GetPixel(x, y));
            }
    }

    [Fact]
    public void Gray_trns_makes_only_the_key_value_transparent()
    {
        var image = PngDecoder.Decode(TestPng.Image(4, 1, 0, 4, (x, _) => [x], before: TestPng.Chunk("tRNS", [0, 2])));
        Assert.Equal([255, 255, 0, 255], Enumerable.Range(0, 4).Select(x => (int)image.GetPixel(x, 0).A));
    }

    [Fact]
    public void Rgb_trns_is_compared_at_full_16_bit_depth()
    {
        // Both pixels reduce to the same 8-bit colour; only the exact 16-bit key is transparent.
        var image = PngDecoder.Decode(TestPng.Image(2, 1, 2, 16, (x, _) => [0x1234 + x, 0x5600, 0x7800], before: TestPng.Chunk("tRNS", [0x12, 0x35, 0x56, 0x00, 0x78, 0x00])));
        Assert.Equal((byte)255, image.GetPixel(0, 0).A);
        Assert.Equal((byte)0, image.GetPixel(1, 0).A);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Every_filter_type_reconstructs_the_same_pixels(int filter)
    {
        var random = new Random(filter);
        var samples = Enumerable.Range(0, 6 * 5 * 4).Select(_ => random.Next(256)).ToArray();
        var image = PngDecoder.Decode(TestPng.Image(6, 5, 6, 8, (x, y) => samples[((y * 6 + x) * 4)..((y * 6 + x) * 4 + 4)], filter: filter));
        Assert.Equal(samples.Select(s => (byte)s), image.Pixels);
    }

    [Theory]
    [InlineData(1, 1, 0, 1)]
    [InlineData(3, 5, 0, 2)]
    [InlineData(9, 10, 2, 8)]
    [InlineData(13, 7, 6, 16)]
    [InlineData(17, 9, 4, 8)]
    [InlineData(8, 8, 0, 4)]
    public void Adam7_interlaced_images_decode_like_their_progressive_twins(int width, int height, int colourType, int depth)
    {
        Func<int, int, int[]> samples = (x, y) => [.. Enumerable.Range(0, TestPng.Channels(colourType)).Select(c => Value(x, y, c, depth))];
        var plain = PngDecoder.Decode(TestPng.Image(width, height, colourType, depth, samples));
        var interlaced = PngDecoder.Decode(TestPng.Image(width, height, colourType, depth, samples, interlaced: true, filter: 4));
        Assert.Equal(plain.Pixels, interlaced.Pixels);
    }

    [Fact]
    public void Interlaced_palette_with_trns_decodes()
    {
        byte[] plte = [255, 0, 0, 0, 255, 0, 0, 0, 255];
        var image = PngDecoder.Decode(TestPng.Image(5, 5, 3, 2, (x, y) => [(x + y) % 3], interlaced: true, before: [TestPng.Chunk("PLTE", plte), TestPng.Chunk("tRNS", [0])]));
        Assert.Equal(((byte)255, (byte)0, (byte)0, (byte)0), image.GetPixel(0, 0));
        Assert.Equal(((byte)0, (byte)0, (byte)255, (byte)255), image.GetPixel(4, 1));
    }

    [Fact]
    public void A_crc_mismatch_names_the_chunk_and_its_offset()
    {
        var bytes = TestPng.Image(2, 2, 2, 8, (x, y) => [x, y, 0]);
        var idatOffset = 8 + 25;
        bytes[idatOffset + 8] ^= 0x01; // first IDAT data byte
        var error = Assert.Throws<PngFormatException>(() => PngDecoder.Decode(bytes));
        Assert.Equal("IDAT", error.Chunk);
        Assert.Equal(idatOffset, error.Offset);
        Assert.Contains("CRC", error.Message);
        Assert.Contains($"offset {idatOffset}", error.Message);
    }

    [Fact]
    public void Unknown_ancillary_chunks_are_skipped()
    {
        var plain = TestPng.Image(1, 1, 0, 8, (_, _) => [9]);
        byte[] withText = [.. plain[..33], .. TestPng.Chunk("tEXt", "Comment\0hi"u8), .. plain[33..]];
        Assert.Equal((byte)9, PngDecoder.Decode(withText).GetPixel(0, 0).R);
    }

    [Fact]
    public void Unknown_critical_chunks_are_rejected()
    {
        var plain = TestPng.Image(1, 1, 0, 8, (_, _) => [9]);
        byte[] bytes = [.. plain[..33], .. TestPng.Chunk("ZZZZ", [1]), .. plain[33..]];
        var error = Assert.Throws<PngFormatException>(() => PngDecoder.Decode(bytes));
        Assert.Equal(("ZZZZ", 33L), (error.Chunk, error.Offset));
    }

    [Theory]
    [InlineData(2, 4)]
    [InlineData(3, 16)]
    [InlineData(6, 1)]
    [InlineData(5, 8)]
    public void Disallowed_colour_type_and_depth_pairs_are_rejected_at_ihdr(int colourType, int depth)
    {
        var bytes = TestPng.File(TestPng.Ihdr(1, 1, depth, colourType), TestPng.Chunk("IDAT", TestPng.Zlib([0, 0, 0, 0, 0])), TestPng.Chunk("IEND", []));
        Assert.Equal("IHDR", Assert.Throws<PngFormatException>(() => PngDecoder.Decode(bytes)).Chunk);
    }

    [Theory]
    [InlineData(20000, 1)]
    [InlineData(16384, 16384)]
    public void Dimensions_over_the_caps_are_rejected_before_allocating(int width, int height)
    {
        var bytes = TestPng.File(TestPng.Ihdr(width, height, 8, 6), TestPng.Chunk("IDAT", TestPng.Zlib([0])), TestPng.Chunk("IEND", []));
        Assert.Equal("IHDR", Assert.Throws<PngFormatException>(() => PngDecoder.Decode(bytes)).Chunk);
    }

    [Fact]
    public void A_large_header_with_tiny_image_data_is_rejected_without_inflating()
    {
        var bytes = TestPng.File(TestPng.Ihdr(8000, 8000, 16, 6), TestPng.Chunk("IDAT", TestPng.Zlib(new byte[100])), TestPng.Chunk("IEND", []));
        Assert.Equal("IDAT", Assert.Throws<PngFormatException>(() => PngDecoder.Decode(bytes)).Chunk);
    }

    [Fact]
    public void Palette_indices_beyond_the_palette_are_rejected()
    {
        var bytes = TestPng.Image(2, 1, 3, 8, (x, _) => [x * 5], before: TestPng.Chunk("PLTE", [1, 2, 3]));
        Assert.Equal("IDAT", Assert.Throws<PngFormatException>(() => PngDecoder.Decode(bytes)).Chunk);
    }

    [Fact]
    public void An_invalid_filter_type_is_rejected()
    {
        var bytes = TestPng.Image(2, 1, 0, 8, (x, _) => [x], filter: 5);
        Assert.Contains("filter type 5", Assert.Throws<PngFormatException>(() => PngDecoder.Decode(bytes)).Message);
    }

    [Fact]
    public void A_missing_iend_is_an_error()
    {
        var bytes = TestPng.Image(1, 1, 0, 8, (_, _) => [1]);
        Assert.Throws<PngFormatException>(() => PngDecoder.Decode(bytes[..^12]));
    }
}
