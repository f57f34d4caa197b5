using Miner.Models.Imaging;
using Miner.Models.Splats;

namespace Miner.Models.Generation;

/// <summary>
/// CPU fallback for image-to-3D: inflates the alpha silhouette like a balloon. The silhouette is cropped to its
/// bounding box and resampled on a grid fine enough for the gaussian budget; its Euclidean distance transform d
/// gives a relief of half-thickness h = H sqrt(t (2 - t)), t = d / d_max (a disc becomes a sphere when H = d_max),
/// mirrored into a front surface (+Z, facing the validator's front camera) and a back surface, both coloured from
/// the image, with side walls closing the steep rim and a sparse interior fill. Surface gaussians are flattened
/// along the relief normal (so rotations vary), and the cloud is centred per axis and scaled so its largest extent
/// is the validator's reference size. World axes: X right, Y up (image rows go down), Z towards the front camera;
/// the whole relief is then tilted to face that camera, which looks down 15 degrees.
/// </summary>
public sealed class SilhouetteInflationImageTo3D : IImageTo3DBackend
{
    private const int MaxResolution = 4096;
    private const float TangentSigma = 0.6f;
    private const float NormalSigma = 0.25f;
    private const float FillSigma = 0.65f;
    private readonly CpuBackendOptions _options;

    public SilhouetteInflationImageTo3D(CpuBackendOptions? options = null)
    {
        _options = options ?? new CpuBackendOptions();
        _options.Validate();
    }

    public string Name => "cpu silhouette inflation (fallback)";

    public bool IsFallback => true;

    public Task<ActivatedSplats> GenerateAsync(RgbaImage rgba, int seed, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(rgba);
        return Task.Run(() => Generate(rgba, seed, cancellation), cancellation);
    }

    private ActivatedSplats Generate(RgbaImage rgba, int seed, CancellationToken cancellation)
    {
        var crop = CropToSilhouette(rgba, _options.AlphaThreshold);
        cancellation.ThrowIfCancellationRequested();

        // Count grows with the square of the resolution: aim from a coarse probe, then step up until the budget fits.
        var budget = _options.GaussianBudget;
        var resolution = 128;
        var relief = BuildRelief(crop, resolution, cancellation);
        // The interior fill grows faster than the square, so refine the guess twice before stepping up.
        for (var refine = 0; refine < 3; refine++)
        {
            var guess = (int)Math.Ceiling(resolution * Math.Sqrt((double)budget / Math.Max(1, relief.Count)) * 1.01);
            guess = Math.Clamp(guess, 8, MaxResolution);
            if (guess == resolution) break;
            resolution = guess;
            relief = BuildRelief(crop, resolution, cancellation);
        }
        while (relief.Count < budget && resolution < MaxResolution)
        {
            resolution = Math.Min(MaxResolution, (int)Math.Ceiling(resolution * 1.03) + 1);
            relief = BuildRelief(crop, resolution, cancellation);
        }
        var copies = (budget + relief.Count - 1) / relief.Count; // thin shapes at the cap: jittered copies
        return Emit(relief, copies, seed, cancellation);
    }

    private static RgbaImage CropToSilhouette(RgbaImage rgba, int threshold)
    {
        int minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1;
        var pixels = rgba.Pixels;
        for (var y = 0; y < rgba.Height; y++)
            for (var x = 0; x < rgba.Width; x++)
            {
                if (pixels[4 * (y * rgba.Width + x) + 3] < threshold) continue;
                minX = Math.Min(minX, x);
                maxX = Math.Max(maxX, x);
                minY = Math.Min(minY, y);
                maxY = Math.Max(maxY, y);
            }
        if (maxX < 0)
            throw new UnusableImageException(
                $"no pixel of the {rgba.Width}x{rgba.Height} image has alpha >= {threshold}: there is no silhouette to inflate (was the background removed?)");
        return rgba.Crop(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    /// <summary>The silhouette resampled with <paramref name="resolution"/> cells on its longer side, with its relief.</summary>
    private Relief BuildRelief(RgbaImage crop, int resolution, CancellationToken cancellation)
    {
        var longer = Math.Max(crop.Width, crop.Height);
        var gw = Math.Max(1, (int)Math.Round((double)crop.Width * resolution / longer));
        var gh = Math.Max(1, (int)Math.Round((double)crop.Height * resolution / longer));
        var grid = crop.Width == gw && crop.Height == gh ? crop : crop.Resize(gw, gh);
        cancellation.ThrowIfCancellationRequested();

        var inside = new bool[gw * gh];
        for (var i = 0; i < inside.Length; i++) inside[i] = grid.Pixels[4 * i + 3] >= _options.AlphaThreshold;
        var distance = EuclideanDistanceTransform.Compute(inside, gw, gh, cancellation);
        float dmax = 0;
        for (var i = 0; i < distance.Length; i++)
        {
            if (!inside[i]) continue;
            distance[i] -= 0.5f; // centre-to-centre distance less half a cell: distance to the outline
            dmax = MathF.Max(dmax, distance[i]);
        }
        var height = new float[gw * gh];
        var peak = (float)_options.DepthRatio * MathF.Max(dmax, 0.5f);
        for (var i = 0; i < height.Length; i++)
        {
            if (!inside[i]) continue;
            var t = dmax > 0 ? Math.Min(1f, distance[i] / dmax) : 1f;
            height[i] = peak * MathF.Sqrt(MathF.Max(t * (2 - t), 0.02f));
        }

        // Per column: the lowest neighbour height, under which the rim needs wall gaussians.
        var wallFrom = new float[gw * gh];
        var count = 0L;
        for (var y = 0; y < gh; y++)
            for (var x = 0; x < gw; x++)
            {
                var i = y * gw + x;
                if (!inside[i]) continue;
                var low = MathF.Min(MathF.Min(HeightAt(height, gw, gh, x - 1, y), HeightAt(height, gw, gh, x + 1, y)),
                    MathF.Min(HeightAt(height, gw, gh, x, y - 1), HeightAt(height, gw, gh, x, y + 1)));
                wallFrom[i] = low;
                count += 2 + 2 * WallLayers(height[i], low);
                if (IsFillColumn(x, y, height[i])) count += FillLayers(height[i]);
            }
        return new Relief(grid, gw, gh, inside, height, wallFrom, (int)Math.Min(count, int.MaxValue));
    }

    private static float HeightAt(float[] height, int gw, int gh, int x, int y) =>
        (uint)x < (uint)gw && (uint)y < (uint)gh ? height[y * gw + x] : 0f;

    /// <summary>Wall gaussians one cell apart between the column's surface and its lowest neighbour's.</summary>
    private static int WallLayers(float h, float low) => Math.Max(0, (int)MathF.Ceiling(h - low) - 1);

    /// <summary>Interior fill on every other column, where the body is thick enough to have an inside.</summary>
    private static bool IsFillColumn(int x, int y, float h) => (x & 1) == 0 && (y & 1) == 0 && h >= 3;

    /// <summary>Fill layers two cells apart strictly between the back and front surfaces.</summary>
    private static int FillLayers(float h) => Math.Max(0, (int)MathF.Floor((2 * h - 2) / 2));

    private ActivatedSplats Emit(Relief relief, int copies, int seed, CancellationToken cancellation)
    {
        var splats = new ActivatedSplats(checked(relief.Count * copies));
        var random = new Random(seed);
        var k = 0;
        var opacity = (float)_options.SurfaceOpacity;
        int gw = relief.Width, gh = relief.Height;
        for (var copy = 0; copy < copies; copy++)
        {
            float jx = copy == 0 ? 0 : (float)random.NextDouble() - 0.5f, jy = copy == 0 ? 0 : (float)random.NextDouble() - 0.5f;
            for (var y = 0; y < gh; y++)
            {
                if ((y & 31) == 0) cancellation.ThrowIfCancellationRequested();
                for (var x = 0; x < gw; x++)
                {
                    var i = y * gw + x;
                    if (!relief.Inside[i]) continue;
                    var h = relief.Heights[i];
                    float px = x + 0.5f - gw / 2f + jx, py = -(y + 0.5f - gh / 2f) - jy;
                    var r = relief.Grid.Pixels[4 * i] / 255f;
                    var g = relief.Grid.Pixels[4 * i + 1] / 255f;
                    var b = relief.Grid.Pixels[4 * i + 2] / 255f;

                    // Slope in world axes (Y up, so the row derivative changes sign).
                    var dhdx = (HeightAt(relief.Heights, gw, gh, x + 1, y) - HeightAt(relief.Heights, gw, gh, x - 1, y)) / 2f;
                    var dhdy = -(HeightAt(relief.Heights, gw, gh, x, y + 1) - HeightAt(relief.Heights, gw, gh, x, y - 1)) / 2f;
                    foreach (var side in (ReadOnlySpan<float>)[1f, -1f])
                    {
                        SurfaceFrame(dhdx, dhdy, side, out var q, out var stretch);
                        Put(splats, k++, px, py, side * h, r, g, b, opacity, TangentSigma * stretch, TangentSigma, NormalSigma, q);
                        var walls = WallLayers(h, relief.WallFrom[i]);
                        for (var w = 1; w <= walls; w++)
                            Put(splats, k++, px, py, side * (h - w), r, g, b, opacity, FillSigma, FillSigma, FillSigma, (1, 0, 0, 0));
                    }
                    if (!IsFillColumn(x, y, h)) continue;
                    var fill = FillLayers(h);
                    for (var f = 0; f < fill; f++)
                    {
                        var z = -h + 2 + 2 * f;
                        Put(splats, k++, px, py, z, r, g, b, opacity, 1.2f, 1.2f, 1.2f, (1, 0, 0, 0));
                    }
                }
            }
        }
        if (k != splats.Count) throw new InvalidOperationException($"emitted {k} gaussians where {splats.Count} were counted");
        TiltTowardsFrontCamera(splats, _options.FrontElevationDegrees);
        Normalise(splats, (float)_options.TargetExtent);
        return splats;
    }

    /// <summary>
    /// Rotation whose local z is the outward surface normal of z = side * h(x, y) and whose local x points up the
    /// slope, and how much to stretch along x so neighbouring gaussians still meet on a steep slope.
    /// </summary>
    private static void SurfaceFrame(float dhdx, float dhdy, float side, out (float W, float X, float Y, float Z) q, out float stretch)
    {
        // Outward normal of z - side h = 0 on the front, scaled by side for the back: (-h_x, -h_y, 1) * side.
        float nx = -dhdx * side, ny = -dhdy * side, nz = side;
        var nl = MathF.Sqrt(nx * nx + ny * ny + nz * nz);
        (nx, ny, nz) = (nx / nl, ny / nl, nz / nl);
        var slope = MathF.Sqrt(dhdx * dhdx + dhdy * dhdy);
        stretch = MathF.Min(MathF.Sqrt(1 + slope * slope), 4f);

        // Tangent along the slope direction (any horizontal direction on a flat top), made orthogonal to n.
        float ax = 1, ay = 0;
        if (slope > 1e-4f) (ax, ay) = (dhdx / slope, dhdy / slope);
        var dot = ax * nx + ay * ny;
        float tx = ax - dot * nx, ty = ay - dot * ny, tz = -dot * nz;
        var tl = MathF.Sqrt(tx * tx + ty * ty + tz * tz);
        (tx, ty, tz) = (tx / tl, ty / tl, tz / tl);
        // Bitangent = n x t completes a right-handed frame (t, b, n).
        float bx = ny * tz - nz * ty, by = nz * tx - nx * tz, bz = nx * ty - ny * tx;
        q = FromColumns(tx, ty, tz, bx, by, bz, nx, ny, nz);
    }

    /// <summary>Quaternion (w, x, y, z) of the rotation matrix with columns a, b, c.</summary>
    private static (float W, float X, float Y, float Z) FromColumns(float m00, float m10, float m20, float m01, float m11, float m21, float m02, float m12, float m22)
    {
        var trace = m00 + m11 + m22;
        if (trace > 0)
        {
            var s = MathF.Sqrt(trace + 1) * 2;
            return (s / 4, (m21 - m12) / s, (m02 - m20) / s, (m10 - m01) / s);
        }
        if (m00 > m11 && m00 > m22)
        {
            var s = MathF.Sqrt(1 + m00 - m11 - m22) * 2;
            return ((m21 - m12) / s, s / 4, (m01 + m10) / s, (m02 + m20) / s);
        }
        if (m11 > m22)
        {
            var s = MathF.Sqrt(1 + m11 - m00 - m22) * 2;
            return ((m02 - m20) / s, (m01 + m10) / s, s / 4, (m12 + m21) / s);
        }
        var t = MathF.Sqrt(1 + m22 - m00 - m11) * 2;
        return ((m10 - m01) / t, (m02 + m20) / t, (m12 + m21) / t, t / 4);
    }

    private static void Put(ActivatedSplats splats, int k, float x, float y, float z, float r, float g, float b, float opacity,
        float sx, float sy, float sz, (float W, float X, float Y, float Z) q)
    {
        splats.Positions[3 * k] = x;
        splats.Positions[3 * k + 1] = y;
        splats.Positions[3 * k + 2] = z;
        splats.Colours[3 * k] = r;
        splats.Colours[3 * k + 1] = g;
        splats.Colours[3 * k + 2] = b;
        splats.Opacities[k] = opacity;
        splats.Scales[3 * k] = sx;
        splats.Scales[3 * k + 1] = sy;
        splats.Scales[3 * k + 2] = sz;
        splats.Rotations[4 * k] = q.W;
        splats.Rotations[4 * k + 1] = q.X;
        splats.Rotations[4 * k + 2] = q.Y;
        splats.Rotations[4 * k + 3] = q.Z;
    }

    /// <summary>
    /// Rotates the cloud about X so the relief's +Z axis points at a camera that looks down by the elevation (the
    /// validator's front camera sits at (0, sin 15, cos 15) times its radius); image up then leans back accordingly.
    /// </summary>
    private static void TiltTowardsFrontCamera(ActivatedSplats splats, double elevationDegrees)
    {
        if (elevationDegrees == 0) return;
        var angle = -elevationDegrees * Math.PI / 180;
        float cos = (float)Math.Cos(angle), sin = (float)Math.Sin(angle);
        float tw = (float)Math.Cos(angle / 2), tx = (float)Math.Sin(angle / 2);
        var p = splats.Positions;
        var r = splats.Rotations;
        for (var i = 0; i < splats.Count; i++)
        {
            float y = p[3 * i + 1], z = p[3 * i + 2];
            p[3 * i + 1] = y * cos - z * sin;
            p[3 * i + 2] = y * sin + z * cos;
            // (tw, tx, 0, 0) times (w, x, y, z).
            float w = r[4 * i], x = r[4 * i + 1], qy = r[4 * i + 2], qz = r[4 * i + 3];
            r[4 * i] = tw * w - tx * x;
            r[4 * i + 1] = tw * x + tx * w;
            r[4 * i + 2] = tw * qy - tx * qz;
            r[4 * i + 3] = tw * qz + tx * qy;
        }
    }

    /// <summary>
    /// Each axis centred on its mean (the validator subtracts one scalar mean of all coordinates, which only centres
    /// a cloud whose per-axis means are equal), largest extent scaled to the target, scales likewise.
    /// </summary>
    private static void Normalise(ActivatedSplats splats, float targetExtent)
    {
        var n = splats.Count;
        var p = splats.Positions;
        Span<double> mean = stackalloc double[3];
        Span<float> lo = [float.MaxValue, float.MaxValue, float.MaxValue];
        Span<float> hi = [float.MinValue, float.MinValue, float.MinValue];
        for (var i = 0; i < n; i++)
            for (var a = 0; a < 3; a++)
            {
                var v = p[3 * i + a];
                mean[a] += v;
                lo[a] = MathF.Min(lo[a], v);
                hi[a] = MathF.Max(hi[a], v);
            }
        var extent = MathF.Max(hi[0] - lo[0], MathF.Max(hi[1] - lo[1], hi[2] - lo[2]));
        var scale = extent > 0 ? targetExtent / extent : 1f;
        for (var a = 0; a < 3; a++) mean[a] /= Math.Max(1, n);
        for (var i = 0; i < n; i++)
            for (var a = 0; a < 3; a++)
            {
                p[3 * i + a] = (float)((p[3 * i + a] - mean[a]) * scale);
                splats.Scales[3 * i + a] *= scale;
            }
    }

    private sealed record Relief(RgbaImage Grid, int Width, int Height, bool[] Inside, float[] Heights, float[] WallFrom, int Count);
}
