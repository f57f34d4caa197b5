using System.Text;
using Miner.Models.Splats;
using static Miner.Specs.Splats.SplatSamples;

namespace Miner.Specs.Splats;

public sealed class PlyReaderSpecs
{
    private static void AssertSameCloud(GaussianCloud expected, GaussianCloud actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.ShDegree, actual.ShDegree);
        Assert.Equal(expected.Positions, actual.Positions);
        Assert.Equal(expected.ShDc, actual.ShDc);
        Assert.Equal(expected.ShRest, actual.ShRest);
        Assert.Equal(expected.Opacities, actual.Opacities);
        Assert.Equal(expected.Scales, actual.Scales);
        Assert.Equal(expected.Rotations, actual.Rotations);
    }

    [Fact]
    public void A_binary_little_endian_file_in_the_standard_layout_reads_back_exactly()
    {
        var cloud = RandomCloud(500);
        AssertSameCloud(cloud, ReadPly(BuildPly(cloud, Floats(StandardProperties))));
    }

    [Fact]
    public void Properties_in_any_order_are_found_by_name()
    {
        var cloud = RandomCloud(200);
        var shuffled = StandardProperties.Reverse().ToArray();
        AssertSameCloud(cloud, ReadPly(BuildPly(cloud, Floats(shuffled))));
    }

    [Fact]
    public void A_big_endian_file_reads_the_same_values()
    {
        var cloud = RandomCloud(200);
        AssertSameCloud(cloud, ReadPly(BuildPly(cloud, Floats(StandardProperties), "binary_big_endian")));
    }

    [Fact]
    public void An_ascii_file_reads_the_same_values()
    {
        var cloud = RandomCloud(200, shDegree: 1);
        var names = StandardProperties.Concat(Enumerable.Range(0, 9).Select(k => $"f_rest_{k}"));
        AssertSameCloud(cloud, ReadPly(BuildPly(cloud, Floats(names), "ascii")));
    }

    [Fact]
    public void Double_properties_are_narrowed_to_float()
    {
        var cloud = RandomCloud(50);
        var properties = StandardProperties.Select(n => ("double", n)).ToArray();
        AssertSameCloud(cloud, ReadPly(BuildPly(cloud, properties)));
    }

    [Theory]
    [InlineData("uchar")]
    [InlineData("short")]
    [InlineData("int")]
    public void Integer_properties_are_converted_to_float(string type)
    {
        var cloud = RandomCloud(20);
        foreach (var array in new[] { cloud.Positions, cloud.ShDc, cloud.Opacities, cloud.Scales, cloud.Rotations })
            for (var k = 0; k < array.Length; k++) array[k] = MathF.Round(MathF.Abs(array[k]) * 10);
        var properties = StandardProperties.Select(n => n == "x" ? (type, n) : ("float", n)).ToArray();
        AssertSameCloud(cloud, ReadPly(BuildPly(cloud, properties)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_sh_degree_follows_the_f_rest_count(int degree)
    {
        var cloud = RandomCloud(30, degree);
        var names = StandardProperties.Concat(Enumerable.Range(0, cloud.ShRestPerSplat).Select(k => $"f_rest_{k}"));
        var read = ReadPly(BuildPly(cloud, Floats(names)));
        Assert.Equal(degree, read.ShDegree);
        Assert.Equal(cloud.ShRest, read.ShRest);
    }

    [Fact]
    public void An_f_rest_count_that_makes_no_sh_degree_is_rejected_naming_f_rest()
    {
        var names = StandardProperties.Concat(Enumerable.Range(0, 6).Select(k => $"f_rest_{k}"));
        var error = Assert.Throws<SplatFormatException>(() => ReadPly(BuildPly(RandomCloud(3), Floats(names))));
        Assert.Contains("f_rest", error.Message);
        Assert.Contains("6 f_rest_* properties", error.Message);
    }

    [Fact]
    public void Normals_and_unknown_properties_are_skipped()
    {
        var cloud = RandomCloud(100);
        var names = new[] { "x", "y", "z", "nx", "ny", "nz" }.Concat(StandardProperties.Skip(3));
        var properties = Floats(names).Append(("uchar", "red")).Append(("double", "confidence")).ToArray();
        AssertSameCloud(cloud, ReadPly(BuildPly(cloud, properties)));
    }

    [Fact]
    public void Elements_before_the_vertex_element_are_skipped_including_lists()
    {
        var cloud = RandomCloud(40);
        const string camera = "element camera 2\nproperty double fx\nproperty list uchar int ids\n";
        var bytes = BuildPly(cloud, Floats(StandardProperties), beforeVertex: camera, writeBeforeVertex: w =>
        {
            w.Write(1.5);
            w.Write((byte)2);
            w.Write(7);
            w.Write(8);
            w.Write(2.5);
            w.Write((byte)0);
        });
        AssertSameCloud(cloud, ReadPly(bytes));
    }

    [Fact]
    public void Elements_after_the_vertex_element_and_trailing_bytes_are_ignored()
    {
        var cloud = RandomCloud(40);
        var bytes = BuildPly(cloud, Floats(StandardProperties));
        var text = Encoding.Latin1.GetString(bytes).Replace("end_header\n", "element face 3\nproperty list uchar int vertex_indices\nend_header\n");
        var withFaces = Encoding.Latin1.GetBytes(text).Concat(new byte[] { 3, 0, 0, 0, 0 }).ToArray();
        AssertSameCloud(cloud, ReadPly(withFaces));
    }

    [Fact]
    public void An_ascii_element_before_the_vertex_element_is_skipped()
    {
        var cloud = RandomCloud(10);
        var bytes = BuildPly(cloud, Floats(StandardProperties), "ascii", beforeVertex: "element note 1\nproperty list uchar int ids\nproperty float w\n");
        var text = Encoding.ASCII.GetString(bytes).Replace("end_header\n", "end_header\n3 1 2 3 0.5\n");
        AssertSameCloud(cloud, ReadPly(Encoding.ASCII.GetBytes(text)));
    }

    [Fact]
    public void Comments_blank_lines_and_crlf_line_ends_in_the_header_are_accepted()
    {
        var cloud = RandomCloud(10);
        var bytes = BuildPly(cloud, Floats(StandardProperties), beforeVertex: "comment made by a test\r\n\r\nobj_info x\r\n", lineEnd: "\r\n");
        AssertSameCloud(cloud, ReadPly(bytes));
    }

    [Fact]
    public void Lowercase_inf_and_nan_in_ascii_are_understood()
    {
        var cloud = RandomCloud(1);
        var bytes = Encoding.ASCII.GetString(BuildPly(cloud, Floats(StandardProperties), "ascii"));
        var lines = bytes.Split('\n');
        var values = lines[^2].Split(' ');
        values[6] = "inf";
        values[7] = "-inf";
        values[8] = "nan";
        lines[^2] = string.Join(' ', values);
        var read = ReadPly(Encoding.ASCII.GetBytes(string.Join('\n', lines)));
        Assert.Equal(float.PositiveInfinity, read.Opacities[0]);
        Assert.Equal(float.NegativeInfinity, read.Scales[0]);
        Assert.True(float.IsNaN(read.Scales[1]));
    }

    [Fact]
    public void A_missing_required_property_is_named_in_the_error()
    {
        var error = Assert.Throws<SplatFormatException>(() =>
            ReadPly(BuildPly(RandomCloud(3), Floats(StandardProperties.Where(n => n != "opacity")))));
        Assert.Equal("opacity", error.Property);
        Assert.Equal(3, error.HeaderLine);
    }

    [Fact]
    public void A_duplicate_property_is_rejected_with_its_header_line()
    {
        var error = Assert.Throws<SplatFormatException>(() =>
            ReadPly(BuildPly(RandomCloud(3), Floats(StandardProperties.Append("x")))));
        Assert.Equal("x", error.Property);
        Assert.Equal(4 + StandardProperties.Length, error.HeaderLine);
    }

    [Fact]
    public void An_unknown_property_type_names_its_header_line()
    {
        var properties = Floats(StandardProperties);
        properties[2] = ("flaot", "z");
        var bytes = Encoding.ASCII.GetBytes($"ply\nformat binary_little_endian 1.0\nelement vertex 1\n"
            + string.Concat(properties.Select(p => $"property {p.Item1} {p.Item2}\n")) + "end_header\n");
        var error = Assert.Throws<SplatFormatException>(() => ReadPly(bytes));
        Assert.Equal(6, error.HeaderLine);
        Assert.Contains("flaot", error.Message);
    }

    [Fact]
    public void A_truncated_body_read_from_a_pipe_names_the_offset_vertex_and_property()
    {
        var bytes = BuildPly(RandomCloud(100), Floats(StandardProperties));
        var headerLength = bytes.Length - 100 * 56;
        var cut = headerLength + 56 * 42 + 30;
        var error = Assert.Throws<SplatFormatException>(() => PlyReader.Read(new NonSeekableStream(bytes[..cut])));
        Assert.Equal(cut, error.ByteOffset);
        Assert.Equal("scale_0", error.Property);
        Assert.Contains("vertex 42", error.Message);
    }

    [Fact]
    public void A_truncated_file_is_refused_before_allocating_with_the_sizes_in_the_message()
    {
        var bytes = BuildPly(RandomCloud(100), Floats(StandardProperties));
        var error = Assert.Throws<SplatFormatException>(() => ReadPly(bytes[..^1]));
        Assert.Equal(bytes.Length - 5600, error.ByteOffset);
        Assert.Contains("5600", error.Message);
    }

    [Fact]
    public void A_vertex_count_above_the_limit_is_rejected_at_its_header_line()
    {
        var bytes = Encoding.ASCII.GetBytes("ply\nformat binary_little_endian 1.0\nelement vertex 99999999999\nproperty float x\nend_header\n");
        var error = Assert.Throws<SplatFormatException>(() => ReadPly(bytes));
        Assert.Equal(3, error.HeaderLine);
        Assert.Contains("limit", error.Message);
    }

    [Fact]
    public void A_header_that_never_ends_is_rejected_at_the_limit()
    {
        var bytes = Encoding.ASCII.GetBytes("ply\nformat ascii 1.0\n" + string.Concat(Enumerable.Repeat("comment padding\n", 100)));
        var error = Assert.Throws<SplatFormatException>(() =>
            PlyReader.Read(new MemoryStream(bytes), new SplatReadOptions { MaxPlyHeaderBytes = 512 }));
        Assert.Equal(512, error.ByteOffset);
    }

    [Fact]
    public void A_bad_ascii_value_names_its_offset_and_property()
    {
        var text = Encoding.ASCII.GetString(BuildPly(RandomCloud(2), Floats(StandardProperties), "ascii"));
        var headerLength = text.IndexOf("end_header\n", StringComparison.Ordinal) + 11;
        var secondLine = text.IndexOf('\n', headerLength) + 1;
        var broken = text[..secondLine] + "oops" + text[text.IndexOf(' ', secondLine)..];
        var error = Assert.Throws<SplatFormatException>(() => ReadPly(Encoding.ASCII.GetBytes(broken)));
        Assert.Equal(secondLine, error.ByteOffset);
        Assert.Equal("x", error.Property);
        Assert.Contains("vertex 1", error.Message);
    }

    [Fact]
    public void A_large_file_streamed_through_a_pipe_reads_back_exactly()
    {
        var cloud = RandomCloud(60_000, shDegree: 1);
        var bytes = PlyWriter.ToBytes(cloud);
        AssertSameCloud(cloud, PlyReader.Read(new NonSeekableStream(bytes, 65_536), threads: 1));
        AssertSameCloud(cloud, PlyReader.Read(new MemoryStream(bytes), threads: 4));
    }

    [Fact]
    public void The_header_is_reported_with_format_elements_and_body_offset()
    {
        var bytes = BuildPly(RandomCloud(5), Floats(StandardProperties), "binary_big_endian");
        PlyReader.Read(new MemoryStream(bytes), out var header);
        Assert.Equal(PlyFormat.BinaryBigEndian, header.Format);
        Assert.Equal(5, header.Vertex!.Count);
        Assert.Equal(14, header.Vertex.Properties.Count);
        Assert.Equal(bytes.Length - 5 * 56, header.Length);
    }
}
