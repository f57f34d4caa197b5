namespace Miner.Models.Splats;

/// <summary>One <c>property</c> line; <see cref="ListCountType"/> is set for <c>property list</c>.</summary>
public sealed record PlyProperty(string Name, PlyScalarType Type, PlyScalarType? ListCountType, int HeaderLine)
{
    public bool IsList => ListCountType is not null;
}
