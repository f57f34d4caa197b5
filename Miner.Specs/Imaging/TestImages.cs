using Miner.Models.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Pbm;
using SixLabors.ImageSharp.Formats.Tga;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;

namespace Miner.Specs.Imaging;

/// <summary>
/// Real files of every format ImageSharp writes, through its default configuration (all encoders), so the specs
/// hand the decoding path what a validator or backend could send, refused formats included.
/// </summary>
internal static class TestImages
{
    public static RgbaImage Noise(int width, int height, int seed, bool opaque = false)
    {
        var image = new RgbaImage(width, height);
        new Random(seed).NextBytes(image.Pixels);
        if (opaque)
            for (var i = 3; i < image.Pixels.Length; i += 4) image.Pixels[i] = 255;
        return image;
    }

    /// <summary>A smooth opaque gradient: JPEG keeps it within a few levels.</summary>
    public static RgbaImage Gradient(int width, int height)
    {
        var image = new RgbaImage(width, height);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                image.SetPixel(x, y, (byte)(x * 255 / Math.Max(1, width - 1)), (byte)(y * 255 / Math.Max(1, height - 1)), 128);
        return image;
    }

    public static byte[] Jpeg(RgbaImage image, int quality = 100) => Encode(image, new JpegEncoder { Quality = quality });

    public static byte[] LosslessWebp(RgbaImage image) => Encode(image, new WebpEncoder { FileFormat = WebpFileFormatType.Lossless });

    public static byte[] LossyWebp(RgbaImage image) => Encode(image, new WebpEncoder { FileFormat = WebpFileFormatType.Lossy, Quality = 90 });

    /// <summary>The formats the decoding path refuses, by the name <see cref="UnsupportedImageFormatException.Detect"/> gives them.</summary>
    public static byte[] Refused(string format, RgbaImage image) => format switch
    {
        "GIF" => Encode(image, new GifEncoder()),
        "TIFF" => Encode(image, new TiffEncoder()),
        "BMP" => Encode(image, new BmpEncoder()),
        "TGA" => Encode(image, new TgaEncoder()),
        "PBM" => Encode(image, new PbmEncoder()),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    private static byte[] Encode(RgbaImage image, IImageEncoder encoder)
    {
        using var output = new MemoryStream();
        using (var pixels = Image.LoadPixelData<Rgba32>(SixLabors.ImageSharp.Configuration.Default, image.Pixels, image.Width, image.Height))
            pixels.Save(output, encoder);
        return output.ToArray();
    }
}
