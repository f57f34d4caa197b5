namespace Miner.Models.Splats;

/// <summary>
/// The cloud a PLY body is read into. When the stream's length proves the body is there it is allocated whole;
/// otherwise (a pipe, a network body) it starts small and doubles, up to the declared count, only as vertices
/// actually arrive, so a header's count alone never drives a large allocation.
/// </summary>
internal sealed class PlyCloudBuffer
{
    /// <summary>Vertices allocated before any arrive when the stream's length is unknown (about 15 MB at SH degree 3).</summary>
    public const int InitialVertices = 1 << 16;

    private readonly PlyVertexLayout layout;
    private readonly int declared;

    public PlyCloudBuffer(PlyVertexLayout layout, int declared, bool lengthKnown)
    {
        this.layout = layout;
        this.declared = declared;
        Cloud = new GaussianCloud(lengthKnown ? declared : Math.Min(declared, InitialVertices), layout.ShDegree);
        Columns = layout.Bind(Cloud);
    }

    public GaussianCloud Cloud { get; private set; }

    public PlyColumn[] Columns { get; private set; }

    /// <summary>Makes room for vertices 0 .. <paramref name="vertices"/>-1, keeping those already read.</summary>
    public void EnsureRoom(int vertices)
    {
        if (vertices <= Cloud.Count) return;
        var old = Cloud;
        var next = new GaussianCloud((int)Math.Min(declared, Math.Max(vertices, 2L * old.Count)), old.ShDegree);
        old.Positions.CopyTo(next.Positions, 0);
        old.ShDc.CopyTo(next.ShDc, 0);
        old.ShRest.CopyTo(next.ShRest, 0);
        old.Opacities.CopyTo(next.Opacities, 0);
        old.Scales.CopyTo(next.Scales, 0);
        old.Rotations.CopyTo(next.Rotations, 0);
        Cloud = next;
        Columns = layout.Bind(next);
    }
}
