using SixLabors.ImageSharp;
using ImageSharpConfiguration = SixLabors.ImageSharp.Configuration;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;

namespace Miner.Models.Imaging;

/// <summary>
/// Decoding of validator and backend images and writing of PNG previews, through SixLabors.ImageSharp with a
/// configuration of its own that registers only PNG, JPEG and WebP (ImageSharp's GIF, TIFF, BMP, TGA and PBM
/// decoders have had reported flaws, and nothing here needs them). The byte and pixel limits are checked before
/// any pixel is decoded; every failure is one <see cref="FormatException"/> line.
/// </summary>
public static class ImageCodec
{
    /// <summary>Largest width or height accepted.</summary>
    public const int MaxDimension = 16384;

    /// <summary>Largest width*height accepted (256 MiB of RGBA output), so a hostile header cannot exhaust memory.</summary>
    public const long MaxPixels = 64L * 1024 * 1024;

    /// <summary>Largest image file read: 600 MiB of image data stored uncompressed, plus room for container overhead.</summary>
    public const long MaxFileBytes = 600L * 1024 * 1024 + 600L * 1024 * 1024 / 64;

    /// <summary>Largest single buffer the decoders may allocate: the RGBA output at <see cref="MaxPixels"/>, plus slack.</summary>
    public const int AllocationLimitMegabytes = 320;

    /// <summary>Memory the allocator may keep pooled between decodes.</summary>
    public const int MaximumPoolSizeMegabytes = 64;

    public static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>PNG, JPEG and WebP only, with a bounded allocator; shared by every decode and encode here.</summary>
    public static ImageSharpConfiguration Configuration { get; } = CreateConfiguration();

    private static ImageSharpConfiguration CreateConfiguration() =>
        new(new PngConfigurationModule(), new JpegConfigurationModule(), new WebpConfigurationModule())
        {
            MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions
            {
                MaximumPoolSizeMegabytes = MaximumPoolSizeMegabytes,
                AllocationLimitMegabytes = AllocationLimitMegabytes,
            }),
        };

    /// <summary>
    /// Decodes a PNG, JPEG or WebP to 8-bit straight-alpha RGBA.
    /// </summary>
    /// <exception cref="UnsupportedImageFormatException">any other format (GIF, TIFF, BMP, ... or unknown bytes).</exception>
    /// <exception cref="ImageDecodeException">an empty, oversized, malformed or truncated image, or one over the pixel cap.</exception>
    public static unsafe RgbaImage Decode(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) throw new ImageDecodeException("", "the image is empty (0 bytes)");
        if (data.Length > MaxFileBytes) throw new ImageDecodeException("", $"{data.Length} bytes exceed the limit of {MaxFileBytes} bytes");
        if (data.Length < PngSignature.Length && PngSignature[..data.Length].SequenceEqual(data))
            throw new ImageDecodeException("PNG", $"the file ends inside the 8-byte signature ({data.Length} bytes)");

        var named = UnsupportedImageFormatException.Detect(data);
        var format = Image.DetectFormat(Configuration, data);
        if (format is null)
        {
            // Magic bytes of a supported format that ImageSharp's detector does not take: too short to hold a header.
            if (named is "PNG" or "JPEG" or "WebP") throw new ImageDecodeException(named, $"the file ends inside the header ({data.Length} bytes)");
            throw new UnsupportedImageFormatException(named);
        }
        var name = format.Name switch { "PNG" => "PNG", "JPEG" => "JPEG", "Webp" or "WEBP" or "WebP" => "WebP", var other => other };

        fixed (byte* pointer = data)
        {
            try
            {
                IImageInfo? info;
                using (var header = new UnmanagedMemoryStream(pointer, data.Length))
                    info = Image.Identify(Configuration, header, out _);
                if (info is null) throw new ImageDecodeException(name, "the header cannot be read");
                if (info.Width <= 0 || info.Height <= 0) throw new ImageDecodeException(name, $"zero dimension {info.Width}x{info.Height}");
                if (info.Width > MaxDimension || info.Height > MaxDimension || (long)info.Width * info.Height > MaxPixels)
                    throw new ImageDecodeException(name, $"{info.Width}x{info.Height} exceeds the {MaxDimension}x{MaxDimension} / {MaxPixels}-pixel cap");
                if (name == "PNG") CheckPngDataVolume(data, info.Width, info.Height);

                using var body = new UnmanagedMemoryStream(pointer, data.Length);
                using var image = Image.Load<Rgba32>(Configuration, body);
                if (image.Width != info.Width || image.Height != info.Height)
                    throw new ImageDecodeException(name, $"decoded {image.Width}x{image.Height}, the header said {info.Width}x{info.Height}");
                var result = new RgbaImage(image.Width, image.Height);
                image.CopyPixelDataTo(result.Pixels);
                return result;
            }
            catch (Exception error) when (error is ImageDecodeException or UnsupportedImageFormatException)
            {
                throw;
            }
            catch (InvalidMemoryOperationException error)
            {
                throw new ImageDecodeException(name, $"needs more memory than the {AllocationLimitMegabytes} MB allocation limit ({OneLine(error.Message)})", error);
            }
            catch (Exception error) when (error is not (OutOfMemoryException or OperationCanceledException))
            {
                // ImageSharp's own ImageFormatException family, and whatever a hostile input drives its decoders to
                // (index, argument, overflow, zlib errors): the input is at fault, so it is a format error.
                throw new ImageDecodeException(name, OneLine(error.Message), error);
            }
        }
    }

    /// <summary>
    /// Deflate cannot expand data more than about 1032:1, so a PNG whose IDAT chunks together are too small to hold the
    /// image data its header implies is refused before ImageSharp allocates (and zeroes) the whole image for it.
    /// </summary>
    private static void CheckPngDataVolume(ReadOnlySpan<byte> data, int width, int height)
    {
        if (data.Length < 33) return; // too short for an IHDR: the decoder says what is wrong
        int depth = data[24], colourType = data[25];
        var channels = colourType switch { 0 or 3 => 1, 2 => 3, 4 => 2, 6 => 4, _ => 0 };
        if (channels == 0 || depth is not (1 or 2 or 4 or 8 or 16)) return;
        var imageBytes = (long)width * height * channels * depth / 8; // filter bytes and interlacing only add to it
        long compressed = 0;
        var ended = false;
        for (long pos = 8; pos + 8 <= data.Length;)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(data[(int)pos..]);
            var type = data.Slice((int)pos + 4, 4);
            if (type.SequenceEqual("IDAT"u8)) compressed += Math.Min(length, data.Length - pos - 8);
            if (type.SequenceEqual("IEND"u8))
            {
                ended = pos + 12 <= data.Length;
                break;
            }
            pos += 12L + length;
        }
        // ImageSharp decodes a file cut anywhere after its image data; a truncated upload is refused instead.
        if (!ended) throw new ImageDecodeException("PNG", $"the file ends before a complete IEND chunk ({data.Length} bytes)");
        if (compressed * 1100 + 4096 < imageBytes)
            throw new ImageDecodeException("PNG", $"{compressed} compressed bytes cannot hold {imageBytes} bytes of image data");
        CheckPngDataLength(data, width, height, channels * depth, data[28] == 1);
    }

    /// <summary>
    /// Inflates the IDAT data once, counting bytes, and refuses a stream that ends short of what the header implies:
    /// ImageSharp 2.1.13 loops forever on some interlaced PNGs with short image data (found by <c>ImageFuzzSpecs</c>).
    /// </summary>
    private static void CheckPngDataLength(ReadOnlySpan<byte> data, int width, int height, int bitsPerPixel, bool interlaced)
    {
        long expected = 0;
        ReadOnlySpan<int> x0 = [0, 4, 0, 2, 0, 1, 0], y0 = [0, 0, 4, 0, 2, 0, 1], dx = [8, 8, 4, 4, 2, 2, 1], dy = [8, 8, 8, 4, 4, 2, 2];
        for (var pass = 0; pass < (interlaced ? 7 : 1); pass++)
        {
            long columns = interlaced ? (width - x0[pass] + dx[pass] - 1) / dx[pass] : width;
            long rows = interlaced ? (height - y0[pass] + dy[pass] - 1) / dy[pass] : height;
            if (columns > 0 && rows > 0) expected += rows * (1 + (columns * bitsPerPixel + 7) / 8);
        }
        using var idat = new MemoryStream();
        for (long pos = 8; pos + 8 <= data.Length;)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(data[(int)pos..]);
            var type = data.Slice((int)pos + 4, 4);
            if (type.SequenceEqual("IDAT"u8)) idat.Write(data.Slice((int)pos + 8, (int)Math.Min(length, data.Length - pos - 8)));
            if (type.SequenceEqual("IEND"u8)) break;
            pos += 12L + length;
        }
        idat.Position = 0;
        long produced = 0;
        try
        {
            using var zlib = new System.IO.Compression.ZLibStream(idat, System.IO.Compression.CompressionMode.Decompress);
            var buffer = new byte[64 * 1024];
            for (int n; produced < expected && (n = zlib.Read(buffer, 0, (int)Math.Min(buffer.Length, expected - produced))) > 0;) produced += n;
        }
        catch (InvalidDataException error)
        {
            throw new ImageDecodeException("PNG", $"corrupt zlib stream: {OneLine(error.Message)}", error);
        }
        if (produced < expected) throw new ImageDecodeException("PNG", $"image data ends after {produced} of {expected} bytes");
    }

    /// <summary>
    /// Encodes an 8-bit PNG, losslessly; with <paramref name="includeAlpha"/> false the alpha channel is dropped
    /// (not composited: call <see cref="RgbaImage.CompositeOver"/> first if that is wanted) and the file is RGB.
    /// </summary>
    public static byte[] EncodePng(RgbaImage image, bool includeAlpha = true)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var output = new MemoryStream();
        var encoder = new PngEncoder
        {
            ColorType = includeAlpha ? PngColorType.RgbWithAlpha : PngColorType.Rgb,
            BitDepth = PngBitDepth.Bit8,
            TransparentColorMode = PngTransparentColorMode.Preserve,
        };
        using (var rgba = Image.LoadPixelData<Rgba32>(Configuration, image.Pixels, image.Width, image.Height))
            rgba.Save(output, encoder);
        return output.ToArray();
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
