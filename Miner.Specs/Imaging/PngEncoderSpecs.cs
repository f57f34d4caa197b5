using System.Buffers.Binary;
using System.IO.Compression;
using Miner.Models.Imaging;

namespace Miner.Specs.Imaging;

public sealed class PngEncoderSpecs
{
    private static RgbaImage Noise(int width, int height, int seed)
    {
        var image = new RgbaImage(width, height);
        new Random(seed).NextBytes(image.Pixels);
        return image;
    }

    private static List<(string Type, byte[] Data)> Chunks(byte[] png)
    {
        var chunks = new List<(string, byte[])>();
        for (var pos = 8; pos < png.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            Assert.Equal(TestPng.Crc(png.AsSpan(pos + 4, 4 + length)), BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos + 8 + length)));
            chunks.Add((type, png.AsSpan(pos + 8, length).ToArray()));
            pos += 12 + length;
        }
        return chunks;
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(33, 17)]
    public void Rgba_images_of_odd_sizes_round_trip_exactly(int width, int height)
    {
        var image = Noise(width, height, width * height);
        Assert.Equal(image.Pixels, PngDecoder.Decode(PngEncoder.Encode(image)).Pixels);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 9)]
    public void Rgb_encoding_keeps_colour_and_decodes_opaque(int width, int height)
    {
        var image = Noise(width, height, 7);
        var decoded = PngDecoder.Decode(PngEncoder.Encode(image, includeAlpha: false));
        for (var i = 0; i < image.Pixels.Length; i += 4)
        {
            Assert.Equal(image.Pixels.AsSpan(i, 3).ToArray(), decoded.Pixels.AsSpan(i, 3).ToArray());
            Assert.Equal(255, decoded.Pixels[i + 3]);
        }
    }

    [Theory]
    [InlineData(true, 6)]
    [InlineData(false, 2)]
    public void The_header_says_8_bit_rgb_or_rgba_and_every_crc_matches_the_spec(bool alpha, int colourType)
    {
        var chunks = Chunks(PngEncoder.Encode(Noise(3, 2, 1), alpha));
        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks.Select(c => c.Type));
        Assert.Equal(8, chunks[0].Data[8]);
        Assert.Equal(colourType, chunks[0].Data[9]);
    }

    [Fact]
    public void The_iend_crc_is_the_well_known_value()
    {
        var png = PngEncoder.Encode(new RgbaImage(1, 1));
        Assert.Equal([0xAE, 0x42, 0x60, 0x82], png[^4..]);
    }

    [Fact]
    public void Smooth_gradients_get_a_predicting_filter_per_row()
    {
        var image = new RgbaImage(64, 8);
        for (var y = 0; y < 8; y++)
            for (var x = 0; x < 64; x++)
                image.SetPixel(x, y, (byte)(x * 3), (byte)(y * 20 + x), 100);
        var idat = Chunks(PngEncoder.Encode(image)).Single(c => c.Type == "IDAT").Data;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(new MemoryStream(idat), CompressionMode.Decompress)) z.CopyTo(inflated);
        var raw = inflated.ToArray();
        var filters = Enumerable.Range(0, 8).Select(y => raw[y * (1 + 64 * 4)]).ToArray();
        Assert.All(filters, f => Assert.InRange(f, (byte)0, (byte)4));
        Assert.DoesNotContain((byte)0, filters);
    }
}
