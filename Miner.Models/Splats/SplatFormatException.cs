namespace Miner.Models.Splats;

/// <summary>
/// Malformed or hostile PLY/SPZ input. The message always says where: a header line, a byte offset,
/// and the property or field involved when there is one.
/// </summary>
public sealed class SplatFormatException : FormatException
{
    public SplatFormatException(string format, string problem, long? byteOffset = null, int? headerLine = null,
        string? property = null, Exception? inner = null)
        : base(Compose(format, problem, byteOffset, headerLine, property), inner)
    {
        Format = format;
        Problem = problem;
        ByteOffset = byteOffset;
        HeaderLine = headerLine;
        Property = property;
    }

    /// <summary>"PLY", "SPZ", "zstd", "gzip" ...</summary>
    public string Format { get; }

    public string Problem { get; }

    /// <summary>Offset in the file, or in the decompressed payload for SPZ fields (the message says which).</summary>
    public long? ByteOffset { get; }

    /// <summary>1-based header line for PLY header errors.</summary>
    public int? HeaderLine { get; }

    public string? Property { get; }

    private static string Compose(string format, string problem, long? offset, int? line, string? property)
    {
        var where = new List<string>(3);
        if (line is { } l) where.Add($"header line {l}");
        if (offset is { } o) where.Add($"byte offset {o}");
        if (property is not null) where.Add($"property '{property}'");
        return where.Count == 0 ? $"{format}: {problem}" : $"{format} at {string.Join(", ", where)}: {problem}";
    }
}
