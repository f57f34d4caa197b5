using Miner.Models.Splats;
using Miner.Specs.TestKit;

namespace Miner.Specs.Splats;

public sealed class SpzFuzzSpecs
{
    private static readonly byte[][] Prefixes = [[0x28, 0xB5, 0x2F, 0xFD], [0x1F, 0x8B], "NGSP"u8.ToArray(), []];

    [Fact]
    public void Random_bytes_behind_each_magic_fail_with_a_location()
    {
        var random = new Random(5);
        for (var run = 0; run < 4000; run++)
        {
            var body = new byte[random.Next(0, 300)];
            random.NextBytes(body);
            var file = Prefixes[run % Prefixes.Length].Concat(body).ToArray();
            Located.SucceedsOrFailsWithLocation(() => SpzReader.Read(file), $"run {run}");
        }
    }

    [Fact]
    public void Every_truncation_of_a_small_file_fails_with_a_location()
    {
        var zstd = SpzWriter.Write(SplatSamples.RandomCloud(40, shDegree: 1));
        var gzip = SpzTestFiles.Gzip(SpzPacker.Pack(SplatSamples.RandomCloud(40, shDegree: 1)));
        foreach (var file in new[] { zstd, gzip })
            for (var cut = 0; cut < file.Length; cut++)
            {
                var truncated = file[..cut];
                // the last deflate bits and the gzip trailer (CRC, size) can go without losing payload bytes
                if (file == gzip && cut >= file.Length - 10) continue;
                Located.FailsWithLocation(() => SpzReader.Read(truncated), $"cut at {cut}");
            }
    }

    [Fact]
    public void Single_byte_corruptions_fail_with_a_location_or_decode()
    {
        var random = new Random(9);
        var files = new[]
        {
            SpzWriter.Write(SplatSamples.RandomCloud(200, shDegree: 2)),
            SpzTestFiles.Gzip(SpzPacker.Pack(SplatSamples.RandomCloud(200, shDegree: 2))),
            SpzTestFiles.RawZstdFrame(SpzPacker.Pack(SplatSamples.RandomCloud(50)), null),
        };
        for (var run = 0; run < 3000; run++)
        {
            var file = (byte[])files[run % files.Length].Clone();
            var at = random.Next(run % 2 == 0 ? Math.Min(48, file.Length) : file.Length);
            file[at] = (byte)random.Next(256);
            Located.SucceedsOrFailsWithLocation(() => SpzReader.Read(file), $"run {run} at {at}");
        }
    }

    [FixtureFact]
    public void Truncating_robocop_at_many_offsets_fails_with_a_location()
    {
        var bytes = File.ReadAllBytes(SharedFixtures.Path("splats", "robocop.spz"));
        var random = new Random(1);
        var cuts = Enumerable.Range(0, 64).Concat(Enumerable.Range(0, 150).Select(_ => random.Next(64, bytes.Length)));
        foreach (var cut in cuts)
            Located.FailsWithLocation(() => SpzReader.Read(bytes.AsSpan(0, cut)), $"cut at {cut}");
    }
}
