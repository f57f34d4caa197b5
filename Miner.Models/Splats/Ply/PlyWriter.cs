using Miner.Models.Files;
using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace Miner.Models.Splats;

/// <summary>
/// Writes the 3DGS layout that pyspz.decompress emits (binary little-endian float32: x y z [nx ny nz] f_dc_0..2
/// f_rest_* opacity scale_0..2 rot_0..3), which meshio, pyspz and plyfile-based tools all read. Floats are copied
/// bit for bit.
/// </summary>
public static class PlyWriter
{
    private const int BlockBytes = 4 << 20;

    /// <summary>The exact header text, LF line endings, no comments.</summary>
    public static string Header(int count, int shDegree, bool includeNormals = false)
    {
        var text = new StringBuilder(512);
        text.Append("ply\nformat binary_little_endian 1.0\n").Append("element vertex ").Append(count).Append('\n');
        text.Append("property float x\nproperty float y\nproperty float z\n");
        if (includeNormals) text.Append("property float nx\nproperty float ny\nproperty float nz\n");
        text.Append("property float f_dc_0\nproperty float f_dc_1\nproperty float f_dc_2\n");
        var rest = 3 * GaussianCloud.ShRestPerChannelForDegree(shDegree);
        for (var k = 0; k < rest; k++) text.Append("property float f_rest_").Append(k).Append('\n');
        text.Append("property float opacity\nproperty float scale_0\nproperty float scale_1\nproperty float scale_2\n");
        text.Append("property float rot_0\nproperty float rot_1\nproperty float rot_2\nproperty float rot_3\nend_header\n");
        return text.ToString();
    }

    /// <summary>Writes through a temporary file and a rename (<see cref="OutputFile"/>).</summary>
    public static void WriteFile(string path, GaussianCloud cloud, bool includeNormals = false, int threads = 0) =>
        OutputFile.Write(path, stream => Write(stream, cloud, includeNormals, threads));

    public static byte[] ToBytes(GaussianCloud cloud, bool includeNormals = false, int threads = 0)
    {
        var floats = FloatsPerSplat(cloud, includeNormals);
        using var memory = new MemoryStream(Header(cloud.Count, cloud.ShDegree, includeNormals).Length + 4 * floats * cloud.Count);
        Write(memory, cloud, includeNormals, threads);
        return memory.ToArray();
    }

    public static void Write(Stream stream, GaussianCloud cloud, bool includeNormals = false, int threads = 0)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("PLY writing assumes a little-endian host");
        stream.Write(Encoding.ASCII.GetBytes(Header(cloud.Count, cloud.ShDegree, includeNormals)));
        var floats = FloatsPerSplat(cloud, includeNormals);
        var blockRecords = Math.Max(1, BlockBytes / (4 * floats));
        var buffer = ArrayPool<byte>.Shared.Rent(blockRecords * floats * 4);
        try
        {
            for (var first = 0; first < cloud.Count; first += blockRecords)
            {
                var records = Math.Min(blockRecords, cloud.Count - first);
                var start = first;
                SplatThreads.For(records, threads, 16_384, (from, to) =>
                    Fill(MemoryMarshal.Cast<byte, float>(buffer.AsSpan()), cloud, includeNormals, floats, start, from, to));
                stream.Write(buffer, 0, records * floats * 4);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int FloatsPerSplat(GaussianCloud cloud, bool includeNormals) =>
        3 + (includeNormals ? 3 : 0) + 3 + cloud.ShRestPerSplat + 1 + 3 + 4;

    private static void Fill(Span<float> block, GaussianCloud cloud, bool includeNormals, int floats, int first, int from, int to)
    {
        var rest = cloud.ShRestPerSplat;
        float[] positions = cloud.Positions, dc = cloud.ShDc, opacities = cloud.Opacities, scales = cloud.Scales, rotations = cloud.Rotations;
        for (var r = from; r < to; r++)
        {
            var i = first + r;
            var row = block.Slice(r * floats, floats);
            var k = 0;
            row[k++] = positions[3 * i];
            row[k++] = positions[3 * i + 1];
            row[k++] = positions[3 * i + 2];
            if (includeNormals)
            {
                row[k++] = 0f;
                row[k++] = 0f;
                row[k++] = 0f;
            }
            row[k++] = dc[3 * i];
            row[k++] = dc[3 * i + 1];
            row[k++] = dc[3 * i + 2];
            if (rest > 0)
            {
                cloud.ShRest.AsSpan(rest * i, rest).CopyTo(row[k..]);
                k += rest;
            }
            row[k++] = opacities[i];
            row[k++] = scales[3 * i];
            row[k++] = scales[3 * i + 1];
            row[k++] = scales[3 * i + 2];
            row[k++] = rotations[4 * i];
            row[k++] = rotations[4 * i + 1];
            row[k++] = rotations[4 * i + 2];
            row[k] = rotations[4 * i + 3];
        }
    }
}
