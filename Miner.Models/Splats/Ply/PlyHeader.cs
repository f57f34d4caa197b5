namespace Miner.Models.Splats;

/// <summary>A parsed PLY header; <see cref="Length"/> is the byte offset where the body starts.</summary>
public sealed record PlyHeader(PlyFormat Format, IReadOnlyList<PlyElement> Elements, int Length)
{
    public PlyElement? Vertex => Elements.FirstOrDefault(e => e.Name == "vertex");
}
