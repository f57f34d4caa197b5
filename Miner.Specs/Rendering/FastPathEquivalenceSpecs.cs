using Miner.Models.Rendering;
using Miner.Models.Splats;
using Miner.Specs.TestKit;

namespace Miner.Specs.Rendering;

/// <summary>
/// The fast binning (radix depth sort, parallel banded tile lists) against the straightforward reference path:
/// the pixels must be identical, not merely close.
/// </summary>
public sealed class FastPathEquivalenceSpecs
{
    /// <summary>Round blobs, needles, huge and tiny splats, faint and opaque, colours outside [0, 1], some behind the camera.</summary>
    private static GaussianCloud Mixed(int count, int seed)
    {
        var random = new Random(seed);
        var cloud = new GaussianCloud(count, 0);
        for (var i = 0; i < count; i++)
        {
            var kind = random.Next(4);
            for (var k = 0; k < 3; k++)
            {
                cloud.Positions[3 * i + k] = (float)(random.NextDouble() * 2 - 1) * (i % 97 == 0 ? 3f : 0.8f);
                cloud.ShDc[3 * i + k] = (float)(random.NextDouble() * 5 - 2.5);
                cloud.Scales[3 * i + k] = kind switch
                {
                    0 => (float)(-7 + 3 * random.NextDouble()),                 // small, TRELLIS-like
                    1 => k == 0 ? -1.5f : (float)(-9 + random.NextDouble()),   // needle
                    2 => (float)(-2.5 + random.NextDouble()),                   // large
                    _ => (float)(-5 + 2 * random.NextDouble()),
                };
            }
            cloud.Opacities[i] = (float)(random.NextDouble() * 14 - 7);
            for (var k = 0; k < 4; k++) cloud.Rotations[4 * i + k] = (float)(random.NextDouble() * 2 - 1);
        }
        return cloud;
    }

    private static void AssertSame(GaussianCloud cloud, OrbitCamera camera, RenderOptions options)
    {
        var fast = SplatRasterizer.Render(cloud, camera, options);
        var reference = SplatRasterizer.Render(cloud, camera, options with { ReferencePath = true });
        var differing = 0;
        for (var p = 0; p < fast.Pixels.Length; p++) if (fast.Pixels[p] != reference.Pixels[p]) differing++;
        Assert.True(differing == 0, $"{differing} channel values differ");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 6)]
    [InlineData(3, 11)]
    public void A_mixed_random_cloud_renders_identically_on_both_paths(int seed, int view)
    {
        AssertSame(Mixed(20_000, seed), ProductionViews.Camera(view), RenderOptions.Production);
    }

    [Fact]
    public void The_gsplat_140_culling_renders_identically_on_both_paths()
    {
        AssertSame(Mixed(10_000, 4), ProductionViews.Camera(3), RenderOptions.Production with { Culling = CullingBox.Gsplat140 });
    }

    [Fact]
    public void Odd_image_sizes_and_coverage_alpha_render_identically_on_both_paths()
    {
        AssertSame(Mixed(10_000, 5), new OrbitCamera(70, 20, 2.0, 100, 100), RenderOptions.Production with { CoverageInAlpha = true });
    }

    [Fact]
    public void Equal_depths_keep_file_order_on_both_paths()
    {
        // Every splat at the same depth: the order among them is the index order in both sorts.
        var cloud = Mixed(5000, 6);
        for (var i = 0; i < cloud.Count; i++) cloud.Positions[3 * i + 2] = i % 2 == 0 ? 0.25f : -0.25f;
        AssertSame(cloud, new OrbitCamera(0, 0, 2.5, 128, 128), RenderOptions.Production);
    }

    [FixtureFact]
    public void Hamburger_at_the_validator_test_view_renders_identically_on_both_paths()
    {
        var cloud = PlyReader.ReadFile(SharedFixtures.Path("splats", "hamburger.ply"));
        AssertSame(cloud, new OrbitCamera(45, 0, 3.0, 1080, 1080), RenderOptions.Production with { ReferenceSize = 1.0 });
    }
}
