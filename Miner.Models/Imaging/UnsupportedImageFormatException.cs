namespace Miner.Models.Imaging;

/// <summary>The bytes are not a PNG; <see cref="DetectedFormat"/> says what the magic bytes look like.</summary>
public sealed class UnsupportedImageFormatException : FormatException
{
    public UnsupportedImageFormatException(string detectedFormat)
        : base($"unsupported image format: {detectedFormat} detected, only PNG is supported")
    {
        DetectedFormat = detectedFormat;
    }

    /// <summary>"JPEG", "WebP", "GIF", "BMP" or "unknown".</summary>
    public string DetectedFormat { get; }

    /// <summary>Names the format from its magic bytes; "PNG" for a PNG signature.</summary>
    public static string Detect(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 8 && data[..8].SequenceEqual(PngDecoder.Signature)) return "PNG";
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) return "JPEG";
        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8)) return "WebP";
        if (data.Length >= 6 && (data[..6].SequenceEqual("GIF87a"u8) || data[..6].SequenceEqual("GIF89a"u8))) return "GIF";
        if (data.Length >= 2 && data[0] == (byte)'B' && data[1] == (byte)'M') return "BMP";
        return "unknown";
    }
}
