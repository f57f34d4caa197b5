using Miner.Models.Protocol;

namespace Miner.Host.Devnet;

/// <summary>A task a devnet validator hands out; an image task keeps the procedural object its prompt was rendered from.</summary>
public sealed record DevnetTask(ProtocolTask Protocol, ProceduralObject? Reference = null)
{
    public override string ToString() => Protocol.ToString();
}
