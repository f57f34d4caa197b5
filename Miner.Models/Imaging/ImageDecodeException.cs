namespace Miner.Models.Imaging;

/// <summary>
/// A malformed, truncated, oversized or hostile image of a supported format; the message is one line naming the
/// format and what was wrong.
/// </summary>
public sealed class ImageDecodeException : FormatException
{
    public ImageDecodeException(string format, string problem, Exception? inner = null)
        : base(format.Length == 0 ? problem : $"{format} image: {problem}", inner)
    {
        Format = format;
        Problem = problem;
    }

    /// <summary>"PNG", "JPEG" or "WebP"; empty when no format could be named (an empty or oversized input).</summary>
    public string Format { get; }

    /// <summary>What was wrong, without the format.</summary>
    public string Problem { get; }
}
