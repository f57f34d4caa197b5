namespace Miner.Host.Devnet;

/// <summary>The primitives a devnet image prompt is composed of.</summary>
public enum ProceduralShapeKind
{
    Sphere,
    Box,
    Cylinder,
    Cone,
    Torus,
}
