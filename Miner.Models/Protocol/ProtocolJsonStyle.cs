namespace Miner.Models.Protocol;

/// <summary>The two ways Python writes synapse JSON; the content is the same, the bytes differ.</summary>
public enum ProtocolJsonStyle
{
    /// <summary>A dendrite's request body: <c>json.dumps</c> defaults (<c>", "</c> and <c>": "</c>, non-ASCII escaped).</summary>
    Request,

    /// <summary>An axon's response body: compact separators, UTF-8 kept as is.</summary>
    Response,
}
