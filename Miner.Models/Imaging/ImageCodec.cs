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

                using var body = new UnmanagedMemoryStream(pointer, data.Length);
                using var image = Image.Load<Rgba32>(Configuration, body);
                if (image.Width != info.Width || image.Height != info.Height)
                    throw new ImageDecodeException(name, $"decoded {image.Width}x{image.Height}, the header said {info.Width}x{info.Height}");
                var result = new RgbaImage(image.Width, image.Height);
                image.CopyPixelDataTo(result.Pixels);
                return result;
            }
            catch (ImageDecodeException)
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
