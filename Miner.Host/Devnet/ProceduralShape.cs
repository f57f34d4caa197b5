using System.Numerics;

namespace Miner.Host.Devnet;

/// <summary>
/// One primitive of a procedural object. <see cref="Size"/> by kind: sphere radius X; box half-extents X, Y, Z;
/// cylinder radius X and half-height Y; cone base radius X and half-height Y (apex up); torus major radius X and tube
/// radius Z. <see cref="Rotation"/> turns the shape about its centre; <see cref="Colour"/> is linear RGB in 0..1.
/// </summary>
public sealed record ProceduralShape(ProceduralShapeKind Kind, Vector3 Centre, Vector3 Size, Quaternion Rotation, Vector3 Colour)
{
    public override string ToString() => $"{Kind} at ({Centre.X:F2}, {Centre.Y:F2}, {Centre.Z:F2}) rgb({Colour.X:F2}, {Colour.Y:F2}, {Colour.Z:F2})";
}
