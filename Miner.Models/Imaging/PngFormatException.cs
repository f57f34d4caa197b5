namespace Miner.Models.Imaging;

/// <summary>A malformed, truncated or hostile PNG; names the chunk and the byte offset where decoding stopped.</summary>
public sealed class PngFormatException : FormatException
{
    public PngFormatException(string problem, string chunk, long offset, Exception? inner = null)
        : base($"PNG {chunk} at byte offset {offset}: {problem}", inner)
    {
        Problem = problem;
        Chunk = chunk;
        Offset = offset;
    }

    /// <summary>What was wrong, without the location.</summary>
    public string Problem { get; }

    /// <summary>Chunk type (e.g. "IHDR"), or "signature" / "chunk header" when no chunk could be read.</summary>
    public string Chunk { get; }

    /// <summary>Byte offset into the file of the chunk (its length field) or of the problem.</summary>
    public long Offset { get; }
}
