namespace Miner.Models.Rendering;

/// <summary>
/// The validator's orbit camera (splat-contract 5.3): Y-up orbit about the origin, pinhole intrinsics from a vertical
/// field of view (square pixels, fx = fy), OpenCV camera convention (x right, y down, z into the scene).
/// All values are float64; the rasteriser converts what it needs.
/// </summary>
public sealed class OrbitCamera
{
    /// <summary>The production vertical field of view in degrees.</summary>
    public const double ProductionFovDegrees = 49.1;

    private readonly double[] _worldToCamera = new double[12];

    public OrbitCamera(double thetaDegrees, double phiDegrees, double radius, int width, int height,
        double fovDegrees = ProductionFovDegrees, double zNear = 0.01, double zFar = 100.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (!(radius > 0)) throw new ArgumentOutOfRangeException(nameof(radius), radius, "radius must be positive");
        if (!(fovDegrees > 0 && fovDegrees < 180))
            throw new ArgumentOutOfRangeException(nameof(fovDegrees), fovDegrees, "fov must lie in (0, 180) degrees");
        ThetaDegrees = thetaDegrees;
        PhiDegrees = phiDegrees;
        Radius = radius;
        Width = width;
        Height = height;
        FovDegrees = fovDegrees;
        ZNear = zNear;
        ZFar = zFar;

        var theta = thetaDegrees * Math.PI / 180.0;
        var phi = phiDegrees * Math.PI / 180.0;
        CentreX = radius * Math.Cos(phi) * Math.Sin(theta);
        CentreY = -radius * Math.Sin(phi);
        CentreZ = radius * Math.Cos(phi) * Math.Cos(theta);

        // forward f points from the target (origin) towards the camera.
        var (fx, fy, fz) = Normalise(CentreX, CentreY, CentreZ);
        // right = normalise(cross((0, 1, 0), f)) = normalise((fz, 0, -fx)).
        var (rx, ry, rz) = Normalise(fz, 0.0, -fx);
        // up = normalise(cross(f, right)).
        var (ux, uy, uz) = Normalise(fy * rz - fz * ry, fz * rx - fx * rz, fx * ry - fy * rx);

        // World-to-camera rotation rows: right, -up, -f; t = -R c.
        double[] rows = [rx, ry, rz, -ux, -uy, -uz, -fx, -fy, -fz];
        for (var r = 0; r < 3; r++)
        {
            _worldToCamera[4 * r] = rows[3 * r];
            _worldToCamera[4 * r + 1] = rows[3 * r + 1];
            _worldToCamera[4 * r + 2] = rows[3 * r + 2];
            _worldToCamera[4 * r + 3] = -(rows[3 * r] * CentreX + rows[3 * r + 1] * CentreY + rows[3 * r + 2] * CentreZ);
        }

        Fx = width / (2.0 * Math.Tan(fovDegrees * Math.PI / 360.0));
        Fy = height / (2.0 * Math.Tan(fovDegrees * Math.PI / 360.0));
        Cx = width / 2;
        Cy = height / 2;
    }

    public double ThetaDegrees { get; }
    public double PhiDegrees { get; }
    public double Radius { get; }
    public int Width { get; }
    public int Height { get; }
    public double FovDegrees { get; }
    public double ZNear { get; }
    public double ZFar { get; }

    public double CentreX { get; }
    public double CentreY { get; }
    public double CentreZ { get; }

    /// <summary>Focal length in pixels: W / (2 tan(FOV / 2)).</summary>
    public double Fx { get; }

    /// <summary>Focal length in pixels: H / (2 tan(FOV / 2)) (equal to <see cref="Fx"/> for square images).</summary>
    public double Fy { get; }

    /// <summary>Principal point: W div 2 (integer division, as the validator does).</summary>
    public double Cx { get; }

    /// <summary>Principal point: H div 2.</summary>
    public double Cy { get; }

    /// <summary>World-to-camera entry at (row, column) of the 3 x 4 matrix (R | t).</summary>
    public double WorldToCamera(int row, int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(row, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(column, 3);
        return _worldToCamera[4 * row + column];
    }

    /// <summary>A copy of the 3 x 4 world-to-camera matrix, row-major (R | t).</summary>
    public double[] WorldToCameraMatrix() => (double[])_worldToCamera.Clone();

    private static (double X, double Y, double Z) Normalise(double x, double y, double z)
    {
        var n = Math.Sqrt(x * x + y * y + z * z);
        return (x / n, y / n, z / n);
    }
}
