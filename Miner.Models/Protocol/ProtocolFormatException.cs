namespace Miner.Models.Protocol;

/// <summary>
/// Synapse JSON that cannot be used. <see cref="Path"/> locates the problem as a JSON path (<c>$.task.prompt</c>;
/// <c>$</c> for the document as a whole) and the message starts with it.
/// </summary>
public sealed class ProtocolFormatException : FormatException
{
    public ProtocolFormatException(string path, string problem, Exception? inner = null, long? malformedAt = null)
        : base($"{path}: {problem}", inner)
    {
        Path = path;
        Problem = problem;
        MalformedAt = malformedAt;
    }

    public string Path { get; }

    /// <summary>The message without the path.</summary>
    public string Problem { get; }

    /// <summary>
    /// Set when the bytes are not JSON at all (an axon answers 422 for those, 500 for JSON that breaks the model):
    /// the byte offset of the syntax error within its line.
    /// </summary>
    public long? MalformedAt { get; }

    public bool IsMalformedJson => MalformedAt.HasValue;
}
