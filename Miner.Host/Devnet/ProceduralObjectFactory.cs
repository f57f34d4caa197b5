using System.Numerics;
using Miner.Models.Rendering;
using Miner.Models.Splats;

namespace Miner.Host.Devnet;

/// <summary>
/// Makes procedural objects from a seeded <see cref="Random"/>: 1-3 primitives of random kind, size, orientation and
/// colour, attached around the first; sampled on their surfaces as small opaque gaussians with a baked light term
/// (the renderer has no lighting), then centred and scaled to the validator's extent of 1.5.
/// </summary>
public static class ProceduralObjectFactory
{
    private static readonly Vector3 Light = Vector3.Normalize(new Vector3(0.3f, 0.7f, 0.65f));
    private const float Opacity = 0.95f;

    public static ProceduralObject Create(Random random, int gaussians, double transparentShare)
    {
        ArgumentNullException.ThrowIfNull(random);
        var count = 1 + random.Next(3);
        var shapes = new List<ProceduralShape>(count);
        for (var i = 0; i < count; i++)
        {
            var kind = (ProceduralShapeKind)random.Next(Enum.GetValues<ProceduralShapeKind>().Length);
            var scale = i == 0 ? 0.35f + 0.25f * random.NextSingle() : 0.15f + 0.2f * random.NextSingle();
            var size = kind switch
            {
                ProceduralShapeKind.Box => new Vector3(scale * (0.6f + 0.6f * random.NextSingle()), scale * (0.6f + 0.6f * random.NextSingle()), scale * (0.6f + 0.6f * random.NextSingle())),
                ProceduralShapeKind.Torus => new Vector3(scale, 0, scale * (0.2f + 0.2f * random.NextSingle())),
                ProceduralShapeKind.Sphere => new Vector3(scale, scale, scale),
                _ => new Vector3(scale * (0.5f + 0.4f * random.NextSingle()), scale * (0.6f + 0.6f * random.NextSingle()), 0),
            };
            var centre = i == 0 ? Vector3.Zero : Direction(random) * (0.3f + 0.3f * random.NextSingle());
            var rotation = Quaternion.CreateFromYawPitchRoll(2 * MathF.PI * random.NextSingle(), 0.6f * (random.NextSingle() - 0.5f), 0.6f * (random.NextSingle() - 0.5f));
            shapes.Add(new ProceduralShape(kind, centre, size, rotation, Colour(random)));
        }
        var cloud = Build(shapes, gaussians, random.Next());
        (byte, byte, byte)? background = random.NextDouble() < transparentShare
            ? null
            : ((byte)(200 + random.Next(56)), (byte)(200 + random.Next(56)), (byte)(200 + random.Next(56)));
        // Photographed from the validator's front view, the view image-to-3D models build towards; the shapes' own
        // random orientations give the variety.
        return new ProceduralObject(shapes, cloud, ProductionViews.ThetaDegrees(0), background);
    }

    /// <summary>The cloud of <paramref name="shapes"/>: <paramref name="gaussians"/> surface samples shared by area.</summary>
    public static GaussianCloud Build(IReadOnlyList<ProceduralShape> shapes, int gaussians, int seed)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        if (shapes.Count == 0) throw new ArgumentException("an object needs at least one shape", nameof(shapes));
        ArgumentOutOfRangeException.ThrowIfLessThan(gaussians, shapes.Count);
        var random = new Random(seed);
        var areas = shapes.Select(ShapeSurfaceSampler.Area).ToArray();
        var total = areas.Sum();
        var points = new Vector3[gaussians];
        var colours = new Vector3[gaussians];
        var index = 0;
        for (var s = 0; s < shapes.Count; s++)
        {
            var share = s == shapes.Count - 1 ? gaussians - index : Math.Max(1, (int)Math.Round(gaussians * areas[s] / total));
            share = Math.Min(share, gaussians - index - (shapes.Count - 1 - s));
            for (var k = 0; k < share; k++, index++)
            {
                var (point, normal) = ShapeSurfaceSampler.Sample(shapes[s], random);
                points[index] = point;
                colours[index] = shapes[s].Colour * (0.55f + 0.45f * MathF.Max(0, Vector3.Dot(normal, Light)));
            }
        }

        var min = new Vector3(float.MaxValue);
        var max = new Vector3(float.MinValue);
        foreach (var p in points)
        {
            min = Vector3.Min(min, p);
            max = Vector3.Max(max, p);
        }
        var extent = max - min;
        var factor = 1.5f / MathF.Max(extent.X, MathF.Max(extent.Y, extent.Z));
        var middle = (min + max) / 2;
        var spacing = MathF.Sqrt((float)(total * factor * factor / gaussians));
        var logScale = MathF.Log(0.9f * spacing); // overlapping enough that back faces do not show through
        var logit = MathF.Log(Opacity / (1 - Opacity));

        var cloud = new GaussianCloud(gaussians, 0);
        for (var i = 0; i < gaussians; i++)
        {
            var p = (points[i] - middle) * factor;
            cloud.Positions[3 * i] = p.X;
            cloud.Positions[3 * i + 1] = p.Y;
            cloud.Positions[3 * i + 2] = p.Z;
            cloud.ShDc[3 * i] = (colours[i].X - 0.5f) / GaussianCloud.ShC0;
            cloud.ShDc[3 * i + 1] = (colours[i].Y - 0.5f) / GaussianCloud.ShC0;
            cloud.ShDc[3 * i + 2] = (colours[i].Z - 0.5f) / GaussianCloud.ShC0;
            cloud.Opacities[i] = logit;
            cloud.Scales[3 * i] = cloud.Scales[3 * i + 1] = cloud.Scales[3 * i + 2] = logScale;
            cloud.Rotations[4 * i] = 1;
        }
        return cloud;
    }

    private static Vector3 Direction(Random random)
    {
        var z = 2 * random.NextSingle() - 1;
        var angle = 2 * MathF.PI * random.NextSingle();
        var r = MathF.Sqrt(1 - z * z);
        return new Vector3(r * MathF.Cos(angle), z, r * MathF.Sin(angle));
    }

    /// <summary>A saturated colour from a random hue (HSV with S 0.5-1, V 0.55-1).</summary>
    private static Vector3 Colour(Random random)
    {
        var h = 6 * random.NextSingle();
        var s = 0.5f + 0.5f * random.NextSingle();
        var v = 0.55f + 0.45f * random.NextSingle();
        var c = v * s;
        var x = c * (1 - MathF.Abs(h % 2 - 1));
        var (r, g, b) = (int)h switch
        {
            0 => (c, x, 0f),
            1 => (x, c, 0f),
            2 => (0f, c, x),
            3 => (0f, x, c),
            4 => (x, 0f, c),
            _ => (c, 0f, x),
        };
        var m = v - c;
        return new Vector3(r + m, g + m, b + m);
    }
}
