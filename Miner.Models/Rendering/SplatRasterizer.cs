using System.Runtime.Intrinsics;
using Miner.Models.Imaging;
using Miner.Models.Splats;

namespace Miner.Models.Rendering;

/// <summary>
/// CPU reproduction of gsplat's classic forward rasterisation as the validator runs it (splat-contract 5.4):
/// per-splat preprocessing into flat arrays, 16 x 16 tile binning, per-tile depth sort (ties by splat index),
/// front-to-back alpha blending over the background, clip and truncation to 8 bits. Tiles run in parallel.
/// </summary>
public static class SplatRasterizer
{
    public const int TileSize = 16;
    private const float MinAlpha = 1f / 255f;
    private const float MaxAlpha = 0.999f;
    private const float TransmittanceStop = 1e-4f;

    /// <summary>Normalises <paramref name="cloud"/> as the validator does (5.2), then renders it.</summary>
    public static RgbaImage Render(GaussianCloud cloud, OrbitCamera camera, RenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        options ??= RenderOptions.Production;
        return Render(ValidatorNormalization.Apply(cloud, options.ReferenceSize), camera, options);
    }

    /// <summary>Renders an already normalised cloud.</summary>
    public static RgbaImage Render(NormalizedSplats splats, OrbitCamera camera, RenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(splats);
        ArgumentNullException.ThrowIfNull(camera);
        options ??= RenderOptions.Production;
        int width = camera.Width, height = camera.Height;
        int tilesX = (width + TileSize - 1) / TileSize, tilesY = (height + TileSize - 1) / TileSize;
        var n = splats.Count;

        // Preprocessed per-splat data (flat arrays, no per-splat objects).
        var meanX = new float[n];
        var meanY = new float[n];
        var depth = new float[n];
        var conic = new float[3 * n];
        var opacity = new float[n];
        var tileRect = new int[4 * n]; // x0, y0, x1, y1 (exclusive); x0 == x1 when culled
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };

        var matrix = camera.WorldToCameraMatrix();
        Parallel.For(0, (n + 4095) / 4096, parallel, chunk =>
        {
            var end = Math.Min(n, (chunk + 1) * 4096);
            for (var i = chunk * 4096; i < end; i++)
                Preprocess(splats, camera, matrix, options, i, tilesX, tilesY, meanX, meanY, depth, conic, opacity, tileRect);
        });

        // One global sort by (depth bits << 32 | index): ascending depth, ties by splat index, as gsplat's stable
        // radix sort gives. Filling the tile lists in that order leaves every list already depth-sorted.
        var visible = 0;
        for (var i = 0; i < n; i++) if (tileRect[4 * i] < tileRect[4 * i + 2]) visible++;
        var order = new long[visible];
        visible = 0;
        for (var i = 0; i < n; i++)
            if (tileRect[4 * i] < tileRect[4 * i + 2])
                order[visible++] = ((long)BitConverter.SingleToInt32Bits(depth[i]) << 32) | (uint)i;
        Array.Sort(order);

        var tileCount = tilesX * tilesY;
        var offsets = new int[tileCount + 1];
        foreach (var key in order)
        {
            var i = (int)(uint)key;
            int x0 = tileRect[4 * i], y0 = tileRect[4 * i + 1], x1 = tileRect[4 * i + 2], y1 = tileRect[4 * i + 3];
            for (var ty = y0; ty < y1; ty++)
                for (var tx = x0; tx < x1; tx++)
                    offsets[ty * tilesX + tx + 1]++;
        }

        for (var t = 0; t < tileCount; t++) offsets[t + 1] += offsets[t];
        var lists = new int[offsets[tileCount]];
        var cursor = new int[tileCount];
        Array.Copy(offsets, cursor, tileCount);
        foreach (var key in order)
        {
            var i = (int)(uint)key;
            int x0 = tileRect[4 * i], y0 = tileRect[4 * i + 1], x1 = tileRect[4 * i + 2], y1 = tileRect[4 * i + 3];
            for (var ty = y0; ty < y1; ty++)
                for (var tx = x0; tx < x1; tx++)
                    lists[cursor[ty * tilesX + tx]++] = i;
        }

        var image = new RgbaImage(width, height);
        var pixels = image.Pixels;
        var colors = splats.Colors;
        float bgR = options.BackgroundR, bgG = options.BackgroundG, bgB = options.BackgroundB;
        var coverageAlpha = options.CoverageInAlpha;

        Parallel.For(0, tileCount, parallel, () => new float[Stride * 64], (tile, _, buffer) =>
        {
            int start = offsets[tile], count = offsets[tile + 1] - start;
            if (buffer.Length < Stride * count) buffer = new float[Stride * Math.Max(count, 2 * buffer.Length / Stride)];
            Gather(lists, start, count, meanX, meanY, conic, opacity, colors, buffer);
            if (Vector256.IsHardwareAccelerated)
                RasteriseTileVector(tile, tilesX, width, height, count, buffer, pixels, bgR, bgG, bgB, coverageAlpha);
            else
                RasteriseTile(tile, tilesX, width, height, count, buffer, pixels, bgR, bgG, bgB, coverageAlpha);
            return buffer;
        }, _ => { });

        return image;
    }

    // Per-tile gathered record: mx, my, conic A, B, C, opacity, r, g, b, sigma above which alpha < 1/255.
    private const int Stride = 10;

    private static void Gather(int[] lists, int start, int count, float[] meanX, float[] meanY, float[] conic,
        float[] opacity, float[] colors, float[] buffer)
    {
        for (var k = 0; k < count; k++)
        {
            var i = lists[start + k];
            var o = k * Stride;
            buffer[o] = meanX[i];
            buffer[o + 1] = meanY[i];
            buffer[o + 2] = conic[3 * i];
            buffer[o + 3] = conic[3 * i + 1];
            buffer[o + 4] = conic[3 * i + 2];
            buffer[o + 5] = opacity[i];
            buffer[o + 6] = colors[3 * i];
            buffer[o + 7] = colors[3 * i + 1];
            buffer[o + 8] = colors[3 * i + 2];
            // o exp(-sigma) < 1/255 exactly when sigma > ln(255 o); the margin keeps borderline cases on the exact path.
            buffer[o + 9] = opacity[i] > 0f ? MathF.Log(255f * opacity[i]) + 1e-3f : -1f;
        }
    }

    private static void RasteriseTile(int tile, int tilesX, int width, int height, int count, float[] buffer,
        byte[] pixels, float bgR, float bgG, float bgB, bool coverageAlpha)
    {
        int tileX = tile % tilesX, tileY = tile / tilesX;
        int px0 = tileX * TileSize, py0 = tileY * TileSize;
        int px1 = Math.Min(width, px0 + TileSize), py1 = Math.Min(height, py0 + TileSize);
        var end = count * Stride;
        for (var py = py0; py < py1; py++)
        {
            var pyc = py + 0.5f;
            for (var px = px0; px < px1; px++)
            {
                var pxc = px + 0.5f;
                float t = 1f, r = 0f, g = 0f, b = 0f;
                for (var o = 0; o < end; o += Stride)
                {
                    var dx = buffer[o] - pxc;
                    var dy = buffer[o + 1] - pyc;
                    var sigma = 0.5f * (buffer[o + 2] * dx * dx + buffer[o + 4] * dy * dy) + buffer[o + 3] * dx * dy;
                    if (sigma < 0f || sigma > buffer[o + 9]) continue;
                    var alpha = MathF.Min(MaxAlpha, buffer[o + 5] * MathF.Exp(-sigma));
                    if (alpha < MinAlpha) continue;
                    var next = t * (1f - alpha);
                    if (next <= TransmittanceStop) break;
                    var w = alpha * t;
                    r += buffer[o + 6] * w;
                    g += buffer[o + 7] * w;
                    b += buffer[o + 8] * w;
                    t = next;
                }

                var p = 4 * (py * width + px);
                pixels[p] = ToByte(r + t * bgR);
                pixels[p + 1] = ToByte(g + t * bgG);
                pixels[p + 2] = ToByte(b + t * bgB);
                pixels[p + 3] = coverageAlpha ? ToByte(1f - t) : (byte)255;
            }
        }
    }

    /// <summary>
    /// The same per-pixel rules as <see cref="RasteriseTile"/>, eight pixels of a row at a time; per-lane skips and
    /// stops, identical float32 operation order (only the vector exp may differ from MathF.Exp in the last bit).
    /// </summary>
    private static void RasteriseTileVector(int tile, int tilesX, int width, int height, int count, float[] buffer,
        byte[] pixels, float bgR, float bgG, float bgB, bool coverageAlpha)
    {
        int tileX = tile % tilesX, tileY = tile / tilesX;
        int px0 = tileX * TileSize, py0 = tileY * TileSize;
        int px1 = Math.Min(width, px0 + TileSize), py1 = Math.Min(height, py0 + TileSize);
        var end = count * Stride;
        var lane = Vector256.Create(0.5f, 1.5f, 2.5f, 3.5f, 4.5f, 5.5f, 6.5f, 7.5f);
        var laneIndex = Vector256.Create(0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f);
        var half = Vector256.Create(0.5f);
        var one = Vector256<float>.One;
        var maxAlpha = Vector256.Create(MaxAlpha);
        var minAlpha = Vector256.Create(MinAlpha);
        var stopT = Vector256.Create(TransmittanceStop);
        Span<float> rs = stackalloc float[8], gs = stackalloc float[8], bs = stackalloc float[8], ts = stackalloc float[8];
        for (var py = py0; py < py1; py++)
        {
            var pyc = py + 0.5f;
            for (var cx = px0; cx < px1; cx += 8)
            {
                var pxc = Vector256.Create((float)cx) + lane;
                var active = Vector256.LessThan(laneIndex, Vector256.Create((float)(px1 - cx)));
                var t = one;
                var r = Vector256<float>.Zero;
                var g = Vector256<float>.Zero;
                var b = Vector256<float>.Zero;
                for (var o = 0; o < end; o += Stride)
                {
                    var dx = Vector256.Create(buffer[o]) - pxc;
                    var dy = buffer[o + 1] - pyc;
                    var sigma = half * (Vector256.Create(buffer[o + 2]) * dx * dx + Vector256.Create(buffer[o + 4] * dy * dy))
                                + Vector256.Create(buffer[o + 3]) * dx * Vector256.Create(dy);
                    var valid = active & Vector256.GreaterThanOrEqual(sigma, Vector256<float>.Zero)
                                       & Vector256.LessThanOrEqual(sigma, Vector256.Create(buffer[o + 9]));
                    if (valid == Vector256<float>.Zero) continue;
                    var alpha = Vector256.Min(maxAlpha, Vector256.Create(buffer[o + 5]) * Vector256.Exp(-sigma));
                    valid &= Vector256.GreaterThanOrEqual(alpha, minAlpha);
                    var next = t * (one - alpha);
                    var stop = valid & Vector256.LessThanOrEqual(next, stopT);
                    active = Vector256.AndNot(active, stop);
                    valid = Vector256.AndNot(valid, stop);
                    var w = (alpha * t) & valid;
                    r += Vector256.Create(buffer[o + 6]) * w;
                    g += Vector256.Create(buffer[o + 7]) * w;
                    b += Vector256.Create(buffer[o + 8]) * w;
                    t = Vector256.ConditionalSelect(valid, next, t);
                    if (active == Vector256<float>.Zero) break;
                }

                r.CopyTo(rs);
                g.CopyTo(gs);
                b.CopyTo(bs);
                t.CopyTo(ts);
                for (var k = 0; k < 8 && cx + k < px1; k++)
                {
                    var p = 4 * (py * width + cx + k);
                    pixels[p] = ToByte(rs[k] + ts[k] * bgR);
                    pixels[p + 1] = ToByte(gs[k] + ts[k] * bgG);
                    pixels[p + 2] = ToByte(bs[k] + ts[k] * bgB);
                    pixels[p + 3] = coverageAlpha ? ToByte(1f - ts[k]) : (byte)255;
                }
            }
        }
    }

    /// <summary>Clip to [0, 1], multiply by 255, truncate (float32, as torch does).</summary>
    private static byte ToByte(float v)
    {
        if (!(v > 0f)) return 0;
        if (v >= 1f) return 255;
        return (byte)(int)(v * 255f);
    }

    private static void Preprocess(NormalizedSplats s, OrbitCamera cam, double[] w, RenderOptions options, int i, int tilesX,
        int tilesY, float[] meanX, float[] meanY, float[] depth, float[] conic, float[] opacity, int[] tileRect)
    {
        tileRect[4 * i] = tileRect[4 * i + 2] = 0;
        double px = s.Positions[3 * i], py = s.Positions[3 * i + 1], pz = s.Positions[3 * i + 2];
        double r00 = w[0], r01 = w[1], r02 = w[2];
        double r10 = w[4], r11 = w[5], r12 = w[6];
        double r20 = w[8], r21 = w[9], r22 = w[10];
        var x = r00 * px + r01 * py + r02 * pz + w[3];
        var y = r10 * px + r11 * py + r12 * pz + w[7];
        var z = r20 * px + r21 * py + r22 * pz + w[11];
        // Centre-only near/far cull (written so that NaN is culled too).
        if (!(z >= cam.ZNear && z <= cam.ZFar)) return;

        var o = (double)s.Opacities[i];
        if (options.Culling == CullingBox.Gsplat153 && !(o >= 1.0 / 255.0)) return;

        // Sigma_w = R S S R^T, rotation of the unit quaternion (w, x, y, z).
        double qw = s.Rotations[4 * i], qx = s.Rotations[4 * i + 1], qy = s.Rotations[4 * i + 2], qz = s.Rotations[4 * i + 3];
        double m00 = 1 - 2 * (qy * qy + qz * qz), m01 = 2 * (qx * qy - qw * qz), m02 = 2 * (qx * qz + qw * qy);
        double m10 = 2 * (qx * qy + qw * qz), m11 = 1 - 2 * (qx * qx + qz * qz), m12 = 2 * (qy * qz - qw * qx);
        double m20 = 2 * (qx * qz - qw * qy), m21 = 2 * (qy * qz + qw * qx), m22 = 1 - 2 * (qx * qx + qy * qy);
        double sx = s.Scales[3 * i], sy = s.Scales[3 * i + 1], sz = s.Scales[3 * i + 2];
        // M = R S (columns scaled); Sigma_w = M M^T. Then Mc = R_wc M; Sigma_c = Mc Mc^T.
        double a00 = m00 * sx, a01 = m01 * sy, a02 = m02 * sz;
        double a10 = m10 * sx, a11 = m11 * sy, a12 = m12 * sz;
        double a20 = m20 * sx, a21 = m21 * sy, a22 = m22 * sz;
        double c00 = r00 * a00 + r01 * a10 + r02 * a20, c01 = r00 * a01 + r01 * a11 + r02 * a21, c02 = r00 * a02 + r01 * a12 + r02 * a22;
        double c10 = r10 * a00 + r11 * a10 + r12 * a20, c11 = r10 * a01 + r11 * a11 + r12 * a21, c12 = r10 * a02 + r11 * a12 + r12 * a22;
        double c20 = r20 * a00 + r21 * a10 + r22 * a20, c21 = r20 * a01 + r21 * a11 + r22 * a21, c22 = r20 * a02 + r21 * a12 + r22 * a22;

        // Jacobian with the clamped direction.
        double fx = cam.Fx, fy = cam.Fy, cx = cam.Cx, cy = cam.Cy;
        var tanFx = 0.5 * cam.Width / fx;
        var tanFy = 0.5 * cam.Height / fy;
        var limXPos = (cam.Width - cx) / fx + 0.3 * tanFx;
        var limXNeg = cx / fx + 0.3 * tanFx;
        var limYPos = (cam.Height - cy) / fy + 0.3 * tanFy;
        var limYNeg = cy / fy + 0.3 * tanFy;
        var tx = z * Math.Min(limXPos, Math.Max(-limXNeg, x / z));
        var ty = z * Math.Min(limYPos, Math.Max(-limYNeg, y / z));
        double j00 = fx / z, j02 = -fx * tx / (z * z);
        double j11 = fy / z, j12 = -fy * ty / (z * z);
        // JM = J Mc (2 x 3); Sigma_2D = JM JM^T.
        double u0 = j00 * c00 + j02 * c20, u1 = j00 * c01 + j02 * c21, u2 = j00 * c02 + j02 * c22;
        double v0 = j11 * c10 + j12 * c20, v1 = j11 * c11 + j12 * c21, v2 = j11 * c12 + j12 * c22;
        var a = u0 * u0 + u1 * u1 + u2 * u2 + options.Eps2D;
        var b = u0 * v0 + u1 * v1 + u2 * v2;
        var c = v0 * v0 + v1 * v1 + v2 * v2 + options.Eps2D;
        var det = a * c - b * b;
        if (!(det > 0)) return;

        var mx = fx * x / z + cx;
        var my = fy * y / z + cy;
        double rx, ry;
        if (options.Culling == CullingBox.Gsplat153)
        {
            var e = Math.Min(3.33, Math.Sqrt(2.0 * Math.Log(255.0 * o)));
            rx = Math.Ceiling(e * Math.Sqrt(a));
            ry = Math.Ceiling(e * Math.Sqrt(c));
        }
        else
        {
            var mid = 0.5 * (a + c);
            var lambda = mid + Math.Sqrt(Math.Max(0.01, mid * mid - det));
            rx = ry = Math.Ceiling(3.0 * Math.Sqrt(lambda));
        }

        if (rx <= 0 && ry <= 0) return;
        if (mx + rx <= 0 || mx - rx >= cam.Width || my + ry <= 0 || my - ry >= cam.Height) return;

        // gsplat isect_tiles: floor of the low edge, ceil of the high edge, clamped to the tile grid.
        var x0 = (int)Math.Clamp(Math.Floor((mx - rx) / TileSize), 0, tilesX);
        var x1 = (int)Math.Clamp(Math.Ceiling((mx + rx) / TileSize), 0, tilesX);
        var y0 = (int)Math.Clamp(Math.Floor((my - ry) / TileSize), 0, tilesY);
        var y1 = (int)Math.Clamp(Math.Ceiling((my + ry) / TileSize), 0, tilesY);
        if (x0 >= x1 || y0 >= y1) return;

        meanX[i] = (float)mx;
        meanY[i] = (float)my;
        depth[i] = (float)z;
        conic[3 * i] = (float)(c / det);
        conic[3 * i + 1] = (float)(-b / det);
        conic[3 * i + 2] = (float)(a / det);
        opacity[i] = (float)o;
        tileRect[4 * i] = x0;
        tileRect[4 * i + 1] = y0;
        tileRect[4 * i + 2] = x1;
        tileRect[4 * i + 3] = y1;
    }
}
