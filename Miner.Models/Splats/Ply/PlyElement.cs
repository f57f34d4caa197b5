namespace Miner.Models.Splats;

/// <summary>One <c>element</c> line with its properties, in header order.</summary>
public sealed record PlyElement(string Name, long Count, IReadOnlyList<PlyProperty> Properties, int HeaderLine);
