using Miner.Models.Rendering;

namespace Miner.Specs.Rendering;

public sealed class ProductionViewsSpecs
{
    [Fact]
    public void Thetas_are_linspace_0_to_360_in_16_steps()
    {
        Assert.Equal(0, ProductionViews.ThetaDegrees(0));
        Assert.Equal(24, ProductionViews.ThetaDegrees(1));
        Assert.Equal(336, ProductionViews.ThetaDegrees(14));
        Assert.Equal(360, ProductionViews.ThetaDegrees(15));
    }

    [Fact]
    public void Every_production_camera_is_518_square_at_radius_2_5_and_phi_minus_15()
    {
        var cameras = ProductionViews.All();
        Assert.Equal(16, cameras.Count);
        Assert.All(cameras, c =>
        {
            Assert.Equal((518, 518), (c.Width, c.Height));
            Assert.Equal(2.5, c.Radius);
            Assert.Equal(-15, c.PhiDegrees);
            Assert.Equal(49.1, c.FovDegrees);
        });
    }

    [Fact]
    public void Grid_views_are_theta_24_120_216_312()
    {
        Assert.Equal([24.0, 120.0, 216.0, 312.0], ProductionViews.GridViews.Select(ProductionViews.ThetaDegrees));
    }
}
