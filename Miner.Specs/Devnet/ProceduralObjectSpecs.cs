using System.Numerics;
using Miner.Host.Devnet;
using Miner.Models.Imaging;
using Miner.Models.Splats;

namespace Miner.Specs.Devnet;

/// <summary>Procedural objects: geometry, validity, and their prompt renders.</summary>
public sealed class ProceduralObjectSpecs
{
    [Theory]
    [InlineData(ProceduralShapeKind.Sphere)]
    [InlineData(ProceduralShapeKind.Box)]
    [InlineData(ProceduralShapeKind.Cylinder)]
    [InlineData(ProceduralShapeKind.Cone)]
    [InlineData(ProceduralShapeKind.Torus)]
    public void Every_shape_renders_a_silhouette_inside_the_frame(ProceduralShapeKind kind)
    {
        ProceduralShape[] shape = [new(kind, Vector3.Zero, new Vector3(0.5f, 0.4f, 0.15f), Quaternion.Identity, new Vector3(0.8f, 0.5f, 0.2f))];
        var subject = new ProceduralObject(shape, ProceduralObjectFactory.Build(shape, 8000, seed: 1), 20, background: null);
        var image = subject.Silhouette(96);
        var covered = Enumerable.Range(0, 96 * 96).Count(p => image.Pixels[4 * p + 3] > 128);
        Assert.InRange(covered, 96 * 96 / 20, 96 * 96 * 7 / 10);
        Assert.All(Enumerable.Range(0, 96), x => Assert.Equal(0, image.GetPixel(x, 0).A));
    }

    [Fact]
    public void Sphere_samples_lie_on_the_sphere_with_outward_normals()
    {
        var sphere = new ProceduralShape(ProceduralShapeKind.Sphere, new Vector3(1, 2, 3), new Vector3(0.5f), Quaternion.Identity, Vector3.One);
        var random = new Random(1);
        for (var i = 0; i < 1000; i++)
        {
            var (point, normal) = ShapeSurfaceSampler.Sample(sphere, random);
            Assert.Equal(0.5f, (point - sphere.Centre).Length(), 4);
            Assert.Equal(1f, Vector3.Dot(Vector3.Normalize(point - sphere.Centre), normal), 3);
        }
    }

    [Fact]
    public void A_built_object_is_centred_with_the_validators_extent_and_passes_its_check()
    {
        var cloud = ProceduralObjectFactory.Create(new Random(4), 20_000, 0.5).Cloud;
        var (min, max) = Bounds(cloud);
        Assert.Equal(1.5f, MathF.Max(max.X - min.X, MathF.Max(max.Y - min.Y, max.Z - min.Z)), 3);
        Assert.Equal(Vector3.Zero, (min + max) / 2, new Vector3Comparer(1e-4f));
        Assert.True(ValidatorValidityCheck.CheckAsSubmitted(cloud).IsValid);
    }

    [Fact]
    public void A_transparent_prompt_is_an_rgba_png_with_clear_corners()
    {
        var subject = new ProceduralObject(DevnetSamples.SphereAndBox, ProceduralObjectFactory.Build(DevnetSamples.SphereAndBox, 8000, 1), 0, background: null);
        var image = ImageCodec.Decode(subject.PromptPng(64));
        Assert.Equal((64, 64, 0), (image.Width, image.Height, (int)image.GetPixel(0, 0).A));
        Assert.Equal(255, image.GetPixel(32, 32).A);
    }

    [Fact]
    public void A_plain_background_prompt_is_opaque_with_the_background_colour_in_the_corners()
    {
        var subject = new ProceduralObject(DevnetSamples.SphereAndBox, ProceduralObjectFactory.Build(DevnetSamples.SphereAndBox, 8000, 1), 0, background: (210, 220, 230));
        var image = ImageCodec.Decode(subject.PromptPng(64));
        Assert.Equal(((byte)210, (byte)220, (byte)230, (byte)255), image.GetPixel(0, 0));
    }

    private static (Vector3 Min, Vector3 Max) Bounds(GaussianCloud cloud)
    {
        var min = new Vector3(float.MaxValue);
        var max = new Vector3(float.MinValue);
        for (var i = 0; i < cloud.Count; i++)
        {
            min = Vector3.Min(min, cloud.Position(i));
            max = Vector3.Max(max, cloud.Position(i));
        }
        return (min, max);
    }

    private sealed class Vector3Comparer(float tolerance) : IEqualityComparer<Vector3>
    {
        public bool Equals(Vector3 a, Vector3 b) => Vector3.Distance(a, b) <= tolerance;

        public int GetHashCode(Vector3 v) => 0;
    }
}
