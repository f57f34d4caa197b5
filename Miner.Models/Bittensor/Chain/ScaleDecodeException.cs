namespace Miner.Models.Bittensor.Chain;

/// <summary>
/// SCALE bytes that do not match the expected layout: names the field being decoded and the byte offset
/// (into the whole payload) where decoding stopped.
/// </summary>
public sealed class ScaleDecodeException : FormatException
{
    public ScaleDecodeException(string field, int offset, string problem)
        : base($"{field} at offset {offset}: {problem}")
    {
        Field = field;
        Offset = offset;
        Problem = problem;
    }

    /// <summary>Dotted path of the field, e.g. <c>neurons[17].axon_info.ip</c>.</summary>
    public string Field { get; }

    public int Offset { get; }

    public string Problem { get; }
}
