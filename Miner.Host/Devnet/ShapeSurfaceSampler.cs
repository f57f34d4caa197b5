using System.Numerics;

namespace Miner.Host.Devnet;

/// <summary>Area-uniform points (with outward normals) on a <see cref="ProceduralShape"/>'s surface, in world coordinates.</summary>
public static class ShapeSurfaceSampler
{
    public static double Area(ProceduralShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var s = shape.Size;
        return shape.Kind switch
        {
            ProceduralShapeKind.Sphere => 4 * Math.PI * s.X * s.X,
            ProceduralShapeKind.Box => 8 * (s.X * s.Y + s.Y * s.Z + s.X * s.Z),
            ProceduralShapeKind.Cylinder => 2 * Math.PI * s.X * 2 * s.Y + 2 * Math.PI * s.X * s.X,
            ProceduralShapeKind.Cone => Math.PI * s.X * Math.Sqrt(s.X * s.X + 4 * s.Y * s.Y) + Math.PI * s.X * s.X,
            ProceduralShapeKind.Torus => 4 * Math.PI * Math.PI * s.X * s.Z,
            _ => throw new ArgumentOutOfRangeException(nameof(shape), shape.Kind, "unknown shape"),
        };
    }

    public static (Vector3 Point, Vector3 Normal) Sample(ProceduralShape shape, Random random)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(random);
        var (point, normal) = Local(shape, random);
        return (Vector3.Transform(point, shape.Rotation) + shape.Centre, Vector3.Normalize(Vector3.Transform(normal, shape.Rotation)));
    }

    private static (Vector3, Vector3) Local(ProceduralShape shape, Random random)
    {
        var s = shape.Size;
        float U() => random.NextSingle();
        switch (shape.Kind)
        {
            case ProceduralShapeKind.Sphere:
            {
                var n = UnitVector(random);
                return (n * s.X, n);
            }
            case ProceduralShapeKind.Box:
            {
                // Faces weighted by area: (Y·Z) for ±X, (X·Z) for ±Y, (X·Y) for ±Z.
                float ax = s.Y * s.Z, ay = s.X * s.Z, az = s.X * s.Y;
                var pick = U() * (ax + ay + az);
                var sign = U() < 0.5f ? -1f : 1f;
                float a = 2 * U() - 1, b = 2 * U() - 1;
                if (pick < ax) return (new Vector3(sign * s.X, a * s.Y, b * s.Z), new Vector3(sign, 0, 0));
                if (pick < ax + ay) return (new Vector3(a * s.X, sign * s.Y, b * s.Z), new Vector3(0, sign, 0));
                return (new Vector3(a * s.X, b * s.Y, sign * s.Z), new Vector3(0, 0, sign));
            }
            case ProceduralShapeKind.Cylinder:
            {
                float side = 2 * MathF.PI * s.X * 2 * s.Y, caps = 2 * MathF.PI * s.X * s.X;
                var angle = 2 * MathF.PI * U();
                if (U() * (side + caps) < side)
                {
                    var n = new Vector3(MathF.Cos(angle), 0, MathF.Sin(angle));
                    return (new Vector3(n.X * s.X, (2 * U() - 1) * s.Y, n.Z * s.X), n);
                }
                var r = s.X * MathF.Sqrt(U());
                var sign = U() < 0.5f ? -1f : 1f;
                return (new Vector3(r * MathF.Cos(angle), sign * s.Y, r * MathF.Sin(angle)), new Vector3(0, sign, 0));
            }
            case ProceduralShapeKind.Cone:
            {
                var slant = MathF.Sqrt(s.X * s.X + 4 * s.Y * s.Y);
                float lateral = MathF.PI * s.X * slant, baseArea = MathF.PI * s.X * s.X;
                var angle = 2 * MathF.PI * U();
                if (U() * (lateral + baseArea) < lateral)
                {
                    var t = MathF.Sqrt(U()); // distance from the apex, area-uniform
                    var y = s.Y - 2 * s.Y * t;
                    var normal = Vector3.Normalize(new Vector3(MathF.Cos(angle) * 2 * s.Y, s.X, MathF.Sin(angle) * 2 * s.Y));
                    return (new Vector3(t * s.X * MathF.Cos(angle), y, t * s.X * MathF.Sin(angle)), normal);
                }
                var r = s.X * MathF.Sqrt(U());
                return (new Vector3(r * MathF.Cos(angle), -s.Y, r * MathF.Sin(angle)), new Vector3(0, -1, 0));
            }
            case ProceduralShapeKind.Torus:
            {
                float major = s.X, tube = s.Z;
                while (true)
                {
                    float u = 2 * MathF.PI * U(), v = 2 * MathF.PI * U();
                    // Area density grows with distance from the axis: accept with (R + r cos v) / (R + r).
                    if (U() * (major + tube) > major + tube * MathF.Cos(v)) continue;
                    var normal = new Vector3(MathF.Cos(v) * MathF.Cos(u), MathF.Sin(v), MathF.Cos(v) * MathF.Sin(u));
                    var ring = new Vector3(major * MathF.Cos(u), 0, major * MathF.Sin(u));
                    return (ring + tube * normal, normal);
                }
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(shape), shape.Kind, "unknown shape");
        }
    }

    private static Vector3 UnitVector(Random random)
    {
        var z = 2 * random.NextSingle() - 1;
        var angle = 2 * MathF.PI * random.NextSingle();
        var r = MathF.Sqrt(Math.Max(0, 1 - z * z));
        return new Vector3(r * MathF.Cos(angle), z, r * MathF.Sin(angle));
    }
}
