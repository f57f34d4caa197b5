namespace Miner.Models.Splats;

/// <summary>Adjacent float32 properties that land next to each other in one cloud array (x y z, f_rest_0..44 ...).</summary>
internal sealed record PlyColumnRun(int Offset, int Count, float[] Target, int Stride, int Index)
{
    /// <summary>The runs covering every mapped column, or null when a mapped column is not float32.</summary>
    public static PlyColumnRun[]? TryBuild(PlyColumn[] columns)
    {
        var runs = new List<PlyColumnRun>();
        PlyColumnRun? open = null;
        foreach (var column in columns)
        {
            if (column.Target is null) continue;
            if (column.Type != PlyScalarType.Float32) return null;
            if (open is not null && ReferenceEquals(open.Target, column.Target) && open.Stride == column.Stride
                && open.Index + open.Count == column.Index && open.Offset + 4 * open.Count == column.Offset)
            {
                open = open with { Count = open.Count + 1 };
                runs[^1] = open;
                continue;
            }
            open = new PlyColumnRun(column.Offset, 1, column.Target, column.Stride, column.Index);
            runs.Add(open);
        }
        return [.. runs];
    }
}
