using System.Text;
using Miner.Models.Splats;
using Miner.Specs.TestKit;
using static Miner.Specs.Splats.SplatSamples;

namespace Miner.Specs.Splats;

public sealed class PlyFuzzSpecs
{
    private static readonly string[] HeaderWords =
    [
        "ply", "format", "ascii", "binary_little_endian", "binary_big_endian", "1.0", "element", "vertex", "face", "property",
        "list", "uchar", "int", "float", "double", "char", "x", "y", "z", "opacity", "f_rest_0", "f_dc_0", "end_header",
        "comment", "-1", "0", "3", "99999999999", "\n", "\n", "\r\n", " ", "\t",
    ];

    [Fact]
    public void Random_bytes_after_a_ply_line_fail_with_a_location()
    {
        var random = new Random(7);
        for (var run = 0; run < 2000; run++)
        {
            var bytes = new byte[random.Next(0, 600)];
            random.NextBytes(bytes);
            var input = "ply\n"u8.ToArray().Concat(bytes).ToArray();
            Located.SucceedsOrFailsWithLocation(() => ReadPly(input), $"run {run}");
        }
    }

    [Fact]
    public void Random_headers_from_ply_words_fail_with_a_location_or_parse()
    {
        var random = new Random(11);
        for (var run = 0; run < 3000; run++)
        {
            var text = new StringBuilder("ply\n");
            var words = random.Next(1, 40);
            for (var w = 0; w < words; w++) text.Append(HeaderWords[random.Next(HeaderWords.Length)]).Append(random.Next(3) == 0 ? "\n" : " ");
            if (random.Next(2) == 0) text.Append("\nend_header\n");
            var bytes = Encoding.ASCII.GetBytes(text.ToString()).Concat(Enumerable.Range(0, random.Next(200)).Select(_ => (byte)random.Next(256))).ToArray();
            Located.SucceedsOrFailsWithLocation(() => ReadPly(bytes), $"run {run}: {text}");
        }
    }

    [Theory]
    [InlineData("binary_little_endian")]
    [InlineData("binary_big_endian")]
    [InlineData("ascii")]
    public void Single_byte_corruptions_of_a_valid_file_fail_with_a_location_or_parse(string format)
    {
        var cloud = RandomCloud(30, shDegree: 1);
        var names = StandardProperties.Concat(Enumerable.Range(0, 9).Select(k => $"f_rest_{k}"));
        var valid = BuildPly(cloud, Floats(names), format);
        var random = new Random(format.Length);
        for (var run = 0; run < 1500; run++)
        {
            var bytes = (byte[])valid.Clone();
            var at = random.Next(run % 2 == 0 ? Math.Min(600, bytes.Length) : bytes.Length);
            bytes[at] = (byte)random.Next(256);
            Located.SucceedsOrFailsWithLocation(() => ReadPly(bytes), $"{format} run {run} at {at}");
        }
    }

    [Theory]
    [InlineData("binary_little_endian")]
    [InlineData("ascii")]
    public void Every_truncation_of_a_small_file_fails_with_a_location(string format)
    {
        var valid = BuildPly(RandomCloud(20), Floats(StandardProperties), format);
        // a cut inside the last ascii number still leaves a number: undetectable
        var lastComplete = format == "ascii" ? Array.LastIndexOf(valid, (byte)' ') : valid.Length - 1;
        for (var cut = 0; cut <= lastComplete; cut++)
        {
            var truncated = valid[..cut];
            Located.FailsWithLocation(() => ReadPly(truncated), $"cut at {cut}");
            Located.FailsWithLocation(() => PlyReader.Read(new NonSeekableStream(truncated, 13)), $"piped cut at {cut}");
        }
    }

    [FixtureFact]
    public void Truncating_hamburger_in_its_header_and_at_many_body_offsets_fails_with_a_location()
    {
        var bytes = File.ReadAllBytes(SharedFixtures.Path("splats", "hamburger.ply"));
        var random = new Random(3);
        var cuts = Enumerable.Range(0, 362).Concat(Enumerable.Range(0, 300).Select(_ => random.Next(362, bytes.Length)));
        foreach (var cut in cuts)
        {
            var stream = new MemoryStream(bytes, 0, cut);
            Located.FailsWithLocation(() => PlyReader.Read(stream), $"cut at {cut}");
        }
        foreach (var cut in Enumerable.Range(0, 40).Select(_ => random.Next(362, bytes.Length)))
            Located.FailsWithLocation(() => PlyReader.Read(new NonSeekableStream(bytes[..cut], 1 << 16)), $"piped cut at {cut}");
    }
}
