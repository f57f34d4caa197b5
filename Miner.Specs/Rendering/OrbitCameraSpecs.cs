using Miner.Models.Rendering;

namespace Miner.Specs.Rendering;

/// <summary>The orbit camera against the worked values of splat-contract 5.3 and 5.7.</summary>
public sealed class OrbitCameraSpecs
{
    public static TheoryData<int, double, double> ProductionCentres => new()
    {
        { 0, 0, 2.414815 }, { 1, 0.982194, 2.206043 }, { 2, 1.794557, 1.615826 }, { 3, 2.296625, 0.746219 },
        { 4, 2.401586, -0.252417 }, { 5, 2.091291, -1.207407 }, { 6, 1.419392, -1.953626 },
        { 7, 0.502068, -2.362045 }, { 8, -0.502068, -2.362045 }, { 9, -1.419392, -1.953626 },
        { 10, -2.091291, -1.207407 }, { 11, -2.401586, -0.252417 }, { 12, -2.296625, 0.746219 },
        { 13, -1.794557, 1.615826 }, { 14, -0.982194, 2.206043 }, { 15, 0, 2.414815 },
    };

    [Theory]
    [MemberData(nameof(ProductionCentres))]
    public void Production_camera_centres_match_the_worked_values(int view, double x, double z)
    {
        var camera = ProductionViews.Camera(view);
        Assert.Equal(x, camera.CentreX, 1e-6);
        Assert.Equal(0.647048, camera.CentreY, 1e-6);
        Assert.Equal(z, camera.CentreZ, 1e-6);
    }

    [Fact]
    public void View_0_world_to_camera_matches_the_worked_matrix()
    {
        double[] expected =
        [
            1, 0, 0, 0,
            0, -0.965926, 0.258819, 0,
            0, -0.258819, -0.965926, 2.5,
        ];
        var actual = ProductionViews.Camera(0).WorldToCameraMatrix();
        for (var k = 0; k < 12; k++) Assert.Equal(expected[k], actual[k], 1e-6);
    }

    [Fact]
    public void Validator_test_view_world_to_camera_matches_the_worked_matrix()
    {
        var camera = new OrbitCamera(45, 0, 3.0, 1080, 1080);
        double[] expected =
        [
            0.707107, 0, -0.707107, 0,
            0, -1, 0, 0,
            -0.707107, 0, -0.707107, 3,
        ];
        var actual = camera.WorldToCameraMatrix();
        for (var k = 0; k < 12; k++) Assert.Equal(expected[k], actual[k], 1e-6);
        Assert.Equal(2.1213203, camera.CentreX, 1e-6);
        Assert.Equal(0, camera.CentreY, 9);
        Assert.Equal(2.1213203, camera.CentreZ, 1e-6);
    }

    [Theory]
    [InlineData(518, 567.0118458604804, 259)]
    [InlineData(1080, 1182.18686009521, 540)]
    [InlineData(517, 565.9172283974293, 258)]
    public void Intrinsics_come_from_the_fov_with_an_integer_principal_point(int size, double focal, double centre)
    {
        var camera = new OrbitCamera(0, -15, 2.5, size, size);
        Assert.Equal(focal, camera.Fx, 8);
        Assert.Equal(focal, camera.Fy, 8);
        Assert.Equal(centre, camera.Cx);
        Assert.Equal(centre, camera.Cy);
    }

    [Fact]
    public void Theta_90_puts_the_camera_on_plus_x()
    {
        var camera = new OrbitCamera(90, 0, 2, 64, 64);
        Assert.Equal(2, camera.CentreX, 12);
        Assert.Equal(0, camera.CentreZ, 12);
    }
}
