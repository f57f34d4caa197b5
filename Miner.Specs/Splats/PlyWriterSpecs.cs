using System.Text;
using Miner.Models.Splats;

namespace Miner.Specs.Splats;

public sealed class PlyWriterSpecs
{
    [Fact]
    public void The_header_is_the_one_pyspz_emits_with_lf_endings_and_no_comments()
    {
        var header = PlyWriter.Header(52_709, 0);
        Assert.Equal(361, header.Length);
        Assert.Equal(["ply", "format binary_little_endian 1.0", "element vertex 52709"], header.Split('\n')[..3]);
        Assert.Equal(SplatSamples.StandardProperties.Select(p => $"property float {p}"), header.Split('\n')[3..17]);
        Assert.EndsWith("property float rot_3\nend_header\n", header);
    }

    [Fact]
    public void Normals_and_f_rest_go_where_pyspz_puts_them()
    {
        var lines = PlyWriter.Header(1, 1, includeNormals: true).Split('\n');
        Assert.Equal("property float nx", lines[6]);
        Assert.Equal("property float f_dc_0", lines[9]);
        Assert.Equal("property float f_rest_0", lines[12]);
        Assert.Equal("property float f_rest_8", lines[20]);
        Assert.Equal("property float opacity", lines[21]);
    }

    [Fact]
    public void Every_float_bit_pattern_survives_a_round_trip_including_nan_payloads()
    {
        var random = new Random(2);
        var cloud = new GaussianCloud(5000, 2);
        foreach (var array in new[] { cloud.Positions, cloud.ShDc, cloud.ShRest, cloud.Opacities, cloud.Scales, cloud.Rotations })
            for (var k = 0; k < array.Length; k++) array[k] = BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue));
        cloud.Opacities[0] = BitConverter.Int32BitsToSingle(0x7FC00123);
        var read = SplatSamples.ReadPly(PlyWriter.ToBytes(cloud, threads: 3));
        foreach (var (expected, actual) in new[] { (cloud.Positions, read.Positions), (cloud.ShDc, read.ShDc), (cloud.ShRest, read.ShRest),
                     (cloud.Opacities, read.Opacities), (cloud.Scales, read.Scales), (cloud.Rotations, read.Rotations) })
            Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), actual.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Zero_normals_are_written_when_asked_and_skipped_when_read()
    {
        var cloud = SplatSamples.RandomCloud(10);
        var bytes = PlyWriter.ToBytes(cloud, includeNormals: true);
        Assert.Equal(PlyWriter.Header(10, 0, true).Length + 10 * 17 * 4, bytes.Length);
        Assert.Equal(cloud.Opacities, SplatSamples.ReadPly(bytes).Opacities);
    }

    [Fact]
    public void The_body_is_float32_little_endian_in_header_order_and_nothing_after()
    {
        var cloud = new GaussianCloud(1, 0);
        for (var k = 0; k < 3; k++) cloud.Positions[k] = k + 1;
        var bytes = PlyWriter.ToBytes(cloud);
        var body = bytes.AsSpan(Encoding.ASCII.GetByteCount(PlyWriter.Header(1, 0)));
        Assert.Equal(56, body.Length);
        Assert.Equal(2f, BitConverter.ToSingle(body[4..8]));
    }
}
