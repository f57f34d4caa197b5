using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Miner.Models.Imaging;
using Miner.Specs.TestKit;

namespace Miner.Specs.Imaging;

/// <summary>
/// The byte limit and the header's dimensions are checked before any pixel is decoded: a small file declaring a huge
/// image is refused with one line and without allocating it, whatever its format.
/// </summary>
public sealed class ImageLimitSpecs
{
    [Fact]
    public void A_10_KB_png_declaring_100000_by_100000_is_refused_before_allocating()
    {
        var bytes = TestPng.File(TestPng.Ihdr(100_000, 100_000, 8, 6), TestPng.Chunk("IDAT", RandomBytes(10_000)), TestPng.Chunk("IEND", []));
        var (error, allocated) = Refused(bytes);
        Assert.Equal("PNG", error.Format);
        Assert.Equal("PNG image: 100000x100000 exceeds the 16384x16384 / 67108864-pixel cap", error.Message);
        Assert.True(allocated < 1 << 20, $"{allocated} bytes allocated");
    }

    [Fact]
    public void A_png_one_pixel_over_the_pixel_budget_is_refused_before_allocating()
    {
        var bytes = TestPng.File(TestPng.Ihdr(16_384, 4_097, 8, 6), TestPng.Chunk("IDAT", TestPng.Zlib(RandomBytes(10_000))), TestPng.Chunk("IEND", []));
        var (error, allocated) = Refused(bytes);
        Assert.Contains("16384x4097 exceeds", error.Message);
        Assert.True(allocated < 1 << 20, $"{allocated} bytes allocated");
    }

    [Fact]
    public void A_png_at_the_pixel_budget_with_10_KB_of_data_is_refused_before_allocating()
    {
        var bytes = TestPng.File(TestPng.Ihdr(16_384, 4_096, 8, 6), TestPng.Chunk("IDAT", TestPng.Zlib(RandomBytes(10_000))), TestPng.Chunk("IEND", []));
        var (error, allocated) = Refused(bytes);
        Assert.Equal("PNG", error.Format);
        Assert.Contains("compressed bytes cannot hold 268435456 bytes of image data", error.Message);
        Assert.True(allocated < 1 << 20, $"{allocated} bytes allocated");
    }

    [Fact]
    public void A_highly_compressible_png_near_the_ratio_bound_still_decodes()
    {
        // 2048x2048 of one colour: deflate squeezes it far, yet within what deflate can really do.
        var image = new RgbaImage(2048, 2048);
        Array.Fill(image.Pixels, (byte)200);
        var png = ImageCodec.EncodePng(image);
        Assert.Equal(image.Pixels, ImageCodec.Decode(png).Pixels);
    }

    [Fact]
    public void A_jpeg_whose_frame_header_declares_65000_by_65000_is_refused_before_allocating()
    {
        var bytes = TestImages.Jpeg(TestImages.Gradient(16, 16));
        var sof = FindMarker(bytes, 0xC0);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(sof + 5), 65_000); // height
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(sof + 7), 65_000); // width
        var (error, allocated) = Refused(bytes);
        Assert.Equal("JPEG image: 65000x65000 exceeds the 16384x16384 / 67108864-pixel cap", error.Message);
        Assert.True(allocated < 1 << 20, $"{allocated} bytes allocated");
    }

    [Fact]
    public void A_lossless_webp_declaring_16384_by_16384_is_refused_before_allocating()
    {
        var bytes = TestImages.LosslessWebp(TestImages.Noise(4, 4, 2));
        Assert.Equal("VP8L"u8.ToArray(), bytes[12..16]);
        Assert.Equal(0x2F, bytes[20]);
        var bits = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(21));
        bits = (bits & 0xF000_0000u) | 16_383u | (16_383u << 14);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(21), bits);
        var (error, allocated) = Refused(bytes);
        Assert.Equal("WebP image: 16384x16384 exceeds the 16384x16384 / 67108864-pixel cap", error.Message);
        Assert.True(allocated < 1 << 20, $"{allocated} bytes allocated");
    }

    [Fact]
    public unsafe void An_input_over_the_byte_limit_is_refused_before_reading_it()
    {
        // Reserved, never touched: the length alone must refuse it.
        var length = checked((int)ImageCodec.MaxFileBytes + 1);
        var memory = NativeMemory.Alloc((nuint)length);
        try
        {
            var error = Assert.Throws<ImageDecodeException>(() => ImageCodec.Decode(new ReadOnlySpan<byte>(memory, length)));
            Assert.Equal($"{length} bytes exceed the limit of {ImageCodec.MaxFileBytes} bytes", error.Message);
        }
        finally
        {
            NativeMemory.Free(memory);
        }
    }

    private static (ImageDecodeException Error, long Allocated) Refused(byte[] bytes)
    {
        ImageDecodeException? error = null;
        var allocated = SpecialFiles.AllocatedBy(() => error = Assert.Throws<ImageDecodeException>(() => ImageCodec.Decode(bytes)));
        return (error!, allocated);
    }

    private static int FindMarker(byte[] jpeg, byte marker)
    {
        for (var i = 2; i + 1 < jpeg.Length; i++)
            if (jpeg[i] == 0xFF && jpeg[i + 1] == marker) return i;
        throw new InvalidOperationException($"no FF{marker:X2} marker");
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(17).NextBytes(bytes);
        return bytes;
    }
}
