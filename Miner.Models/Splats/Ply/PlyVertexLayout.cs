using System.Globalization;

namespace Miner.Models.Splats;

/// <summary>Where each property of the vertex element lives in a record and which cloud array it fills.</summary>
internal sealed class PlyVertexLayout
{
    private static readonly string[] Required =
        ["x", "y", "z", "f_dc_0", "f_dc_1", "f_dc_2", "opacity", "scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3"];

    private readonly PlyElement vertex;
    private readonly int[] offsets;

    private PlyVertexLayout(PlyElement vertex, int[] offsets, int stride, int shDegree)
    {
        this.vertex = vertex;
        this.offsets = offsets;
        Stride = stride;
        ShDegree = shDegree;
    }

    /// <summary>Bytes per binary record.</summary>
    public int Stride { get; }

    public int ShDegree { get; }

    public static PlyVertexLayout Build(PlyElement vertex)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var offsets = new int[vertex.Properties.Count];
        var offset = 0;
        var restIndices = new List<int>();
        for (var p = 0; p < vertex.Properties.Count; p++)
        {
            var property = vertex.Properties[p];
            if (!seen.Add(property.Name))
                throw new SplatFormatException("PLY", "the vertex property is declared twice", headerLine: property.HeaderLine, property: property.Name);
            if (property.IsList)
                throw new SplatFormatException("PLY", "list properties in the vertex element are not supported", headerLine: property.HeaderLine, property: property.Name);
            offsets[p] = offset;
            offset += PlyHeaderParser.SizeOf(property.Type);
            if (property.Name.StartsWith("f_rest_", StringComparison.Ordinal)
                && int.TryParse(property.Name.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                restIndices.Add(index);
        }
        foreach (var name in Required)
            if (!seen.Contains(name))
                throw new SplatFormatException("PLY", "a required vertex property is missing", headerLine: vertex.HeaderLine, property: name);

        restIndices.Sort();
        for (var k = 0; k < restIndices.Count; k++)
            if (restIndices[k] != k)
                throw new SplatFormatException("PLY", $"f_rest_* properties must be numbered 0..{restIndices.Count - 1} without gaps",
                    headerLine: vertex.HeaderLine, property: $"f_rest_{k}");
        var degree = GaussianCloud.DegreeForShRestCount(restIndices.Count)
            ?? throw new SplatFormatException("PLY", $"{restIndices.Count} f_rest_* properties do not make an SH degree (expected 0, 9, 24 or 45)",
                headerLine: vertex.HeaderLine, property: "f_rest_0");
        return new PlyVertexLayout(vertex, offsets, offset, degree);
    }

    /// <summary>One column per vertex property, in header order; unknown properties get no target and are skipped.</summary>
    public PlyColumn[] Bind(GaussianCloud cloud)
    {
        var columns = new PlyColumn[vertex.Properties.Count];
        for (var p = 0; p < columns.Length; p++)
        {
            var property = vertex.Properties[p];
            var (target, stride, index) = Target(cloud, property.Name);
            columns[p] = new PlyColumn(property.Name, property.Type, offsets[p], target, stride, index);
        }
        return columns;
    }

    /// <summary>The property whose bytes contain the given offset within a record.</summary>
    public string PropertyAt(int offsetInRecord)
    {
        for (var p = offsets.Length - 1; p >= 0; p--)
            if (offsets[p] <= offsetInRecord) return vertex.Properties[p].Name;
        return vertex.Properties.Count > 0 ? vertex.Properties[0].Name : "";
    }

    private static (float[]? Target, int Stride, int Index) Target(GaussianCloud cloud, string name)
    {
        switch (name)
        {
            case "x": return (cloud.Positions, 3, 0);
            case "y": return (cloud.Positions, 3, 1);
            case "z": return (cloud.Positions, 3, 2);
            case "opacity": return (cloud.Opacities, 1, 0);
        }
        if (TryIndex(name, "f_dc_", 3, out var dc)) return (cloud.ShDc, 3, dc);
        if (TryIndex(name, "scale_", 3, out var scale)) return (cloud.Scales, 3, scale);
        if (TryIndex(name, "rot_", 4, out var rot)) return (cloud.Rotations, 4, rot);
        if (TryIndex(name, "f_rest_", cloud.ShRestPerSplat, out var rest)) return (cloud.ShRest, cloud.ShRestPerSplat, rest);
        return (null, 0, 0);
    }

    private static bool TryIndex(string name, string prefix, int limit, out int index)
    {
        index = -1;
        return name.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out index)
            && index < limit
            && name.Length == prefix.Length + index.ToString(CultureInfo.InvariantCulture).Length;
    }
}
