using System.Text;
using Miner.Host.Commands.Splats;
using Miner.Models.Files;
using Miner.Models.Splats;
using Miner.Specs.Configuration;
using Miner.Specs.TestKit;

namespace Miner.Specs.Splats;

/// <summary>Hostile splat inputs: special files, headers and frames that claim far more than they hold, bombs.</summary>
public sealed class BoundedSplatReadingSpecs : IDisposable
{
    /// <summary>What refusing a few kilobytes may cost; the inputs below would otherwise take gigabytes.</summary>
    private const long SmallAllocation = 64L << 20;

    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task A_fifo_given_as_a_splat_file_is_refused_at_once_naming_it()
    {
        var fifo = SpecialFiles.MakeFifo(Path.Combine(_temp.Path, "cloud.spz"));
        var error = await SpecialFiles.WithinAsync(() => Assert.Throws<FileRefusedException>(() => SplatFile.Load(fifo)), fifo);
        Assert.Equal($"{fifo}: is a FIFO, not a regular file", error.Message);
    }

    [Fact]
    public async Task Dev_zero_given_as_a_splat_file_is_refused_naming_it()
    {
        var error = await SpecialFiles.WithinAsync(() => Assert.Throws<FileRefusedException>(() => SplatFile.Load(SpecialFiles.DevZero)));
        Assert.Contains("/dev/zero: is a character device", error.Message);
    }

    [Fact]
    public async Task Inspect_of_a_fifo_exits_1_with_one_line_naming_it()
    {
        var fifo = SpecialFiles.MakeFifo(Path.Combine(_temp.Path, "cloud.ply"));
        var stderr = new StringWriter();
        var code = await SpecialFiles.WithinAsync(() => new InspectCommand(new SplatOptions()).Run(fifo, json: false, new StringWriter(), stderr), fifo);
        Assert.Equal(1, code);
        Assert.Equal($"error: {fifo}: is a FIFO, not a regular file", stderr.ToString().TrimEnd());
    }

    [Fact]
    public void A_4_KiB_ply_claiming_2_billion_vertices_is_refused_before_allocating()
    {
        var path = Path.Combine(_temp.Path, "huge.ply");
        File.WriteAllBytes(path, [.. PlyHeader(int.MaxValue, "binary_little_endian"), .. new byte[4096]]);
        SplatFormatException? error = null;
        var allocated = SpecialFiles.AllocatedBy(() =>
            error = Assert.Throws<SplatFormatException>(() => SplatFile.Load(path, new SplatReadOptions { MaxGaussians = int.MaxValue })));
        Assert.Contains("only 4096 bytes follow the header", error!.Message);
        Assert.True(allocated < SmallAllocation, $"{allocated} bytes allocated");
    }

    [Fact]
    public void A_ply_from_a_pipe_claiming_9_million_vertices_allocates_only_what_arrives()
    {
        var bytes = PlyHeader(9_000_000, "binary_little_endian", shRest: 45).Concat(new byte[4096]).ToArray();
        SplatFormatException? error = null;
        var allocated = SpecialFiles.AllocatedBy(() =>
            error = Assert.Throws<SplatFormatException>(() => PlyReader.Read(new NonSeekableStream(bytes))));
        Assert.Contains("the file ends inside vertex 17 of 9000000", error!.Message);
        Assert.True(allocated < SmallAllocation, $"{allocated} bytes allocated");
    }

    [Fact]
    public void A_binary_ply_from_a_pipe_longer_than_the_first_allocation_reads_whole()
    {
        var cloud = SplatSamples.RandomCloud(70_000, shDegree: 1);
        var names = SplatSamples.StandardProperties.Concat(Enumerable.Range(0, 9).Select(k => $"f_rest_{k}"));
        var bytes = SplatSamples.BuildPly(cloud, SplatSamples.Floats(names));
        var piped = PlyReader.Read(new NonSeekableStream(bytes, chunk: 65_536));
        var seeked = PlyReader.Read(new MemoryStream(bytes));
        Assert.Equal(70_000, piped.Count);
        Assert.Equal(seeked.Positions, piped.Positions);
        Assert.Equal(seeked.ShRest, piped.ShRest);
        Assert.Equal(seeked.Rotations, piped.Rotations);
    }

    [Fact]
    public void An_ascii_ply_from_a_pipe_longer_than_the_first_allocation_reads_whole()
    {
        const int count = 70_000;
        var text = new StringBuilder(Encoding.ASCII.GetString(PlyHeader(count, "ascii")));
        for (var i = 0; i < count; i++) text.Append(i).Append(" 0 0 0 0 0 0 0 0 0 1 0 0 ").Append(i % 7).Append('\n');
        var piped = PlyReader.Read(new NonSeekableStream(Encoding.ASCII.GetBytes(text.ToString()), chunk: 65_536));
        Assert.Equal(count, piped.Count);
        Assert.All(Enumerable.Range(0, count), i => Assert.Equal((i, i % 7), ((int)piped.Positions[3 * i], (int)piped.Rotations[4 * i + 3])));
    }

    [Fact]
    public async Task An_ascii_element_of_2_pow_62_records_without_properties_is_skipped_at_once()
    {
        var cloud = SplatSamples.RandomCloud(3);
        var bytes = SplatSamples.BuildPly(cloud, SplatSamples.Floats(SplatSamples.StandardProperties), "ascii",
            beforeVertex: "element nothing 4611686018427387904\n");
        var read = await SpecialFiles.WithinAsync(() => PlyReader.Read(new MemoryStream(bytes)));
        Assert.Equal(cloud.Count, read.Count);
    }

    [Fact]
    public void A_small_spz_whose_frame_declares_a_576_MB_payload_is_refused_before_allocating()
    {
        var header = SpzTestFiles.Header(9_000_000, 3);
        var frame = SpzTestFiles.RleZstdBomb(header, zeros: 1 << 20, declaredSize: 16 + 9_000_000UL * 64);
        SplatFormatException? error = null;
        var allocated = SpecialFiles.AllocatedBy(() => error = Assert.Throws<SplatFormatException>(() => SpzReader.Read(frame)));
        Assert.Contains($"a {frame.Length}-byte file inflating to 576000016 bytes is over the budget", error!.Message);
        Assert.True(allocated < SmallAllocation, $"{allocated} bytes allocated");
    }

    [Fact]
    public void A_zstd_bomb_whose_header_claims_576_MB_is_refused_before_inflating()
    {
        var frame = SpzTestFiles.RleZstdBomb(SpzTestFiles.Header(9_000_000, 3), zeros: 1L << 30);
        Assert.True(frame.Length < 40_000);
        SplatFormatException? error = null;
        var allocated = SpecialFiles.AllocatedBy(() => error = Assert.Throws<SplatFormatException>(() => SpzReader.Read(frame)));
        Assert.Contains("is over the budget of 16777216 bytes", error!.Message);
        Assert.True(allocated < SmallAllocation, $"{allocated} bytes allocated");
    }

    [Fact]
    public async Task A_zstd_bomb_of_1_GiB_is_inflated_only_as_far_as_its_payload()
    {
        var frame = SpzTestFiles.RleZstdBomb(SpzTestFiles.Header(100, 0), zeros: 1L << 30);
        var allocated = await SpecialFiles.WithinAsync(() => SpecialFiles.AllocatedBy(() => Assert.Equal(100, SpzReader.Read(frame).Cloud.Count)));
        Assert.True(allocated < SmallAllocation, $"{allocated} bytes allocated");
    }

    [Fact]
    public void A_frame_declaring_576_MB_but_holding_1_MB_allocates_only_what_it_inflates()
    {
        // no ratio limit here: the payload buffer itself must grow only as bytes come out
        var options = new SplatReadOptions { MaxCompressionRatio = int.MaxValue };
        var frame = SpzTestFiles.RleZstdBomb(SpzTestFiles.Header(9_000_000, 3), zeros: 1 << 20, declaredSize: 16 + 9_000_000UL * 64);
        SplatFormatException? error = null;
        var allocated = SpecialFiles.AllocatedBy(() => error = Assert.Throws<SplatFormatException>(() => SpzReader.Read(frame, options)));
        Assert.Equal("zstd", error!.Format);
        Assert.True(allocated < SmallAllocation, $"{allocated} bytes allocated");
    }

    [Fact]
    public void A_small_gzip_spz_claiming_a_576_MB_payload_is_refused_before_inflating()
    {
        var file = SpzTestFiles.Gzip([.. SpzTestFiles.Header(9_000_000, 3), .. new byte[1 << 20]]);
        SplatFormatException? error = null;
        var allocated = SpecialFiles.AllocatedBy(() => error = Assert.Throws<SplatFormatException>(() => SpzReader.Read(file)));
        Assert.Equal("gzip", error!.Format);
        Assert.Contains("over the budget", error.Message);
        Assert.True(allocated < SmallAllocation, $"{allocated} bytes allocated");
    }

    [Fact]
    public void Base64_text_decoding_past_the_largest_spz_is_refused_before_decoding()
    {
        var options = new SplatReadOptions { MaxGaussians = 1000 };
        var text = Encoding.ASCII.GetBytes("KLUv" + new string('A', 400_000));
        var error = Assert.Throws<SplatFormatException>(() => SplatFile.Decode(text, options));
        Assert.Equal("base64", error.Format);
        Assert.Contains("decodes to 300003 bytes, more than the largest acceptable SPZ (128032)", error.Message);
    }

    [Fact]
    public void An_spz_file_past_the_largest_acceptable_size_is_cut_off_while_reading()
    {
        var path = Path.Combine(_temp.Path, "big.spz");
        File.WriteAllBytes(path, [0x28, 0xB5, 0x2F, 0xFD, .. new byte[200_000]]);
        var error = Assert.Throws<FileRefusedException>(() => SplatFile.Load(path, new SplatReadOptions { MaxGaussians = 1000 }));
        Assert.Equal($"{path}: SPZ file larger than its limit of 128,032 bytes", error.Message);
    }

    [Fact]
    public void The_payload_size_of_a_count_past_the_spz_limit_is_refused_not_overflowed()
    {
        var error = Assert.Throws<ArgumentException>(() => SpzPacker.PayloadSize(int.MaxValue, 3));
        Assert.Contains("outside the SPZ limit", error.Message);
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>A header for the standard properties (plus <paramref name="shRest"/> f_rest_* floats), claiming <paramref name="count"/> vertices.</summary>
    private static byte[] PlyHeader(long count, string format, int shRest = 0)
    {
        var text = new StringBuilder($"ply\nformat {format} 1.0\nelement vertex {count}\n");
        foreach (var name in SplatSamples.StandardProperties.Concat(Enumerable.Range(0, shRest).Select(k => $"f_rest_{k}")))
            text.Append("property float ").Append(name).Append('\n');
        return Encoding.ASCII.GetBytes(text.Append("end_header\n").ToString());
    }
}
