using Miner.Models.Imaging;
using Miner.Models.Rendering;
using Miner.Models.Splats;
using Miner.Specs.TestKit;

namespace Miner.Specs.Rendering;

/// <summary>
/// hamburger.ply at the validator's own test view (splat-contract 5.7: 1080 x 1080, theta 45, phi 0, radius 3,
/// reference size 1.0). The reference PNG is not among the fixtures, so these check what the spec lets one derive:
/// the non-white count (in SplatRasterizerSpecs), the placement and symmetry a level camera gives a near-round object
/// centred on the origin, and the colours of a burger on white.
/// </summary>
public sealed class HamburgerTestViewSpecs
{
    private static readonly Lazy<RgbaImage> Image = new(() => SplatRasterizer.Render(
        PlyReader.ReadFile(SharedFixtures.Path("splats", "hamburger.ply")),
        new OrbitCamera(45, 0, 3.0, 1080, 1080),
        RenderOptions.Production with { ReferenceSize = 1.0 }));

    private static IEnumerable<(int X, int Y, byte R, byte G, byte B)> NonWhite()
    {
        var image = Image.Value;
        for (var y = 0; y < image.Height; y++)
            for (var x = 0; x < image.Width; x++)
            {
                var (r, g, b, _) = image.GetPixel(x, y);
                if (r != 255 || g != 255 || b != 255) yield return (x, y, r, g, b);
            }
    }

    [FixtureFact]
    public void The_object_sits_at_the_principal_point()
    {
        // Level camera at the origin's height; the scalar mean m = -0.023 shifts the object by about
        // 0.023 x 1182 / 3 = 9 px, and the burger is not perfectly round: its box centre lies within 20 px of (540, 540).
        var pixels = NonWhite().ToArray();
        double centreX = (pixels.Min(p => p.X) + pixels.Max(p => p.X)) / 2.0;
        double centreY = (pixels.Min(p => p.Y) + pixels.Max(p => p.Y)) / 2.0;
        Assert.InRange(centreX, 520, 560);
        Assert.InRange(centreY, 520, 560);
    }

    [FixtureFact]
    public void The_silhouette_is_nearly_left_right_symmetric()
    {
        // A near-axisymmetric object seen by a camera with no roll: the halves either side of cx = 540 hold
        // nearly as many covered pixels (within 15 %).
        var pixels = NonWhite().ToArray();
        double left = pixels.Count(p => p.X < 540), right = pixels.Count(p => p.X >= 540);
        Assert.InRange(left / right, 1 / 1.15, 1.15);
    }

    [FixtureFact]
    public void The_object_spans_what_its_extent_projects_to()
    {
        // Largest extent 1.0 after normalisation, seen from 3 units: 1182 / 3 = 394 px per unit. The silhouette can
        // be neither much smaller than half that nor larger than the extent's diagonal seen from the nearest point.
        var pixels = NonWhite().ToArray();
        var width = pixels.Max(p => p.X) - pixels.Min(p => p.X);
        var height = pixels.Max(p => p.Y) - pixels.Min(p => p.Y);
        Assert.InRange(width, 200, 700);
        Assert.InRange(height, 200, 700);
    }

    [FixtureFact]
    public void The_colours_are_a_warm_burger_on_white()
    {
        // Bun and patty: red above green above blue on average; dark patty pixels exist; the corners are background.
        var pixels = NonWhite().ToArray();
        double r = pixels.Average(p => p.R), g = pixels.Average(p => p.G), b = pixels.Average(p => p.B);
        Assert.True(r > g && g > b, $"mean colour {r:0.0} {g:0.0} {b:0.0}");
        Assert.Contains(pixels, p => p.R < 60 && p.G < 60 && p.B < 60);
        Assert.Equal(((byte)255, (byte)255, (byte)255, (byte)255), Image.Value.GetPixel(0, 0));
        Assert.Equal(((byte)255, (byte)255, (byte)255, (byte)255), Image.Value.GetPixel(1079, 1079));
    }
}
