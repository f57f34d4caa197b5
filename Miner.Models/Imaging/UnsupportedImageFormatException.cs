namespace Miner.Models.Imaging;

/// <summary>The bytes are not PNG, JPEG or WebP; <see cref="DetectedFormat"/> says what the magic bytes look like.</summary>
public sealed class UnsupportedImageFormatException : FormatException
{
    public UnsupportedImageFormatException(string detectedFormat)
        : base($"unsupported image format: {detectedFormat} detected, only PNG, JPEG and WebP are supported")
    {
        DetectedFormat = detectedFormat;
    }

    /// <summary>"GIF", "TIFF", "BMP", "TGA", "PBM" or "unknown" (or a supported format's name when it is refused).</summary>
    public string DetectedFormat { get; }

    /// <summary>Names the format from its magic bytes: "PNG", "JPEG", "WebP", "GIF", "TIFF", "BMP", "PBM" or "unknown".</summary>
    public static string Detect(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 8 && data[..8].SequenceEqual(ImageCodec.PngSignature)) return "PNG";
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) return "JPEG";
        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8)) return "WebP";
        if (data.Length >= 6 && (data[..6].SequenceEqual("GIF87a"u8) || data[..6].SequenceEqual("GIF89a"u8))) return "GIF";
        if (data.Length >= 4 && (data[..4].SequenceEqual("II*\0"u8) || data[..4].SequenceEqual("MM\0*"u8))) return "TIFF";
        if (data.Length >= 4 && (data[..4].SequenceEqual("II+\0"u8) || data[..4].SequenceEqual("MM\0+"u8))) return "TIFF";
        if (data.Length >= 2 && data[0] == (byte)'B' && data[1] == (byte)'M') return "BMP";
        if (data.Length >= 3 && data[0] == (byte)'P' && data[1] is >= (byte)'1' and <= (byte)'7' && data[2] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t') return "PBM";
        return "unknown";
    }
}
