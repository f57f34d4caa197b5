namespace Miner.Models.Splats;

/// <summary>A vertex property bound to its destination: value of record r goes to Target[r * Stride + Index].</summary>
internal readonly record struct PlyColumn(string Name, PlyScalarType Type, int Offset, float[]? Target, int Stride, int Index);
