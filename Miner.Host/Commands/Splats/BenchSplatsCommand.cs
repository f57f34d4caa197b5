using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Miner.Models.Splats;

namespace Miner.Host.Commands.Splats;

/// <summary>
/// <c>miner bench splats [--json]</c>: a synthetic cloud (1,000,000 gaussians by default) at SH degree 0 and 3;
/// PLY write/read throughput and PLY-to-SPZ / SPZ-to-PLY end-to-end times (file to file) with one thread and with
/// all cores, best of a few runs. Prints a table, or with json one object with the figures. Only what this run
/// measured is printed: the comparison with the fork's C++ tool is in the README's performance table.
/// </summary>
public sealed class BenchSplatsCommand(SplatOptions options)
{
    public int Gaussians { get; init; } = 1_000_000;

    public int Repeats { get; init; } = 3;

    public int Run(bool json, TextWriter stdout, TextWriter stderr) => SplatCommandGuard.Run(stderr, () =>
    {
        var directory = Bench.ScratchFolder.Create("miner-bench-");
        try
        {
            var results = new[] { 0, 3 }.Select(degree => Measure(degree, directory.FullName)).ToArray();
            if (json) WriteJson(stdout, results);
            else WriteTable(stdout, results);
            return SplatCommandGuard.Ok;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    });

    private sealed record Figures(int ShDegree, long PlyBytes, long SpzBytes, double PlyWrite1, double PlyWriteAll, double PlyRead1, double PlyReadAll,
        double PlyToSpz1, double PlyToSpzAll, double SpzToPly1, double SpzToPlyAll);

    private Figures Measure(int degree, string directory)
    {
        var cloud = Synthetic(Gaussians, degree);
        var ply = Path.Combine(directory, $"sh{degree}.ply");
        var spz = Path.Combine(directory, $"sh{degree}.spz");
        var back = Path.Combine(directory, $"sh{degree}-back.ply");
        var all = Environment.ProcessorCount;
        var single = new SpzWriteOptions { CompressionLevel = options.Spz.CompressionLevel, Workers = 0 };
        var parallel = new SpzWriteOptions { CompressionLevel = options.Spz.CompressionLevel, Workers = all };

        var write1 = Best(() => PlyWriter.WriteFile(ply, cloud, threads: 1));
        var writeAll = Best(() => PlyWriter.WriteFile(ply, cloud, threads: all));
        var read1 = Best(() => PlyReader.ReadFile(ply, options.Read, threads: 1));
        var readAll = Best(() => PlyReader.ReadFile(ply, options.Read, threads: all));
        var toSpz1 = Best(() => SpzWriter.WriteFile(spz, PlyReader.ReadFile(ply, options.Read, 1), single, 1));
        var toSpzAll = Best(() => SpzWriter.WriteFile(spz, PlyReader.ReadFile(ply, options.Read, all), parallel, all));
        var toPly1 = Best(() => PlyWriter.WriteFile(back, SpzReader.ReadFile(spz, options.Read, 1).Cloud, threads: 1));
        var toPlyAll = Best(() => PlyWriter.WriteFile(back, SpzReader.ReadFile(spz, options.Read, all).Cloud, threads: all));
        SpzWriter.WriteFile(spz, cloud, single, 1);

        double plyBytes = new FileInfo(ply).Length, megabytes = plyBytes / 1e6;
        return new Figures(degree, (long)plyBytes, new FileInfo(spz).Length, megabytes / write1, megabytes / writeAll, megabytes / read1,
            megabytes / readAll, toSpz1, toSpzAll, toPly1, toPlyAll);
    }

    /// <summary>Fastest of the runs in seconds, after a warm-up run (JIT, page cache).</summary>
    private double Best(Action run)
    {
        run();
        var best = double.MaxValue;
        for (var k = 0; k < Math.Max(1, Repeats); k++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var clock = Stopwatch.StartNew();
            run();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return best;
    }

    /// <summary>Plausible values: positions within about +-0.5, logits -3..8, log-scales -7..-3, random rotations.</summary>
    private static GaussianCloud Synthetic(int count, int degree)
    {
        var random = new Random(17);
        var cloud = new GaussianCloud(count, degree);
        Fill(cloud.Positions, random, -0.5f, 0.5f);
        Fill(cloud.ShDc, random, -1.5f, 1.5f);
        Fill(cloud.ShRest, random, -0.3f, 0.3f);
        Fill(cloud.Opacities, random, -3f, 8f);
        Fill(cloud.Scales, random, -7f, -3f);
        Fill(cloud.Rotations, random, -1f, 1f);
        return cloud;
    }

    private static void Fill(float[] values, Random random, float min, float max)
    {
        for (var k = 0; k < values.Length; k++) values[k] = min + (max - min) * random.NextSingle();
    }

    private void WriteTable(TextWriter output, Figures[] results)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"splat bench: {Gaussians:N0} gaussians, {Environment.ProcessorCount} cores, zstd {ZstdNative.Version} level {Math.Max(1, options.Spz.CompressionLevel)}, best of {Repeats}"));
        output.WriteLine($"{"",-26}{string.Concat(results.Select(r => $"{"SH" + r.ShDegree,12}"))}");
        void Row(string name, Func<Figures, double> value, string format) =>
            output.WriteLine($"{name,-26}{string.Concat(results.Select(r => value(r).ToString(format, c).PadLeft(12)))}");
        Row("PLY size (MB)", r => r.PlyBytes / 1e6, "0.0");
        Row("SPZ size (MB)", r => r.SpzBytes / 1e6, "0.00");
        Row("PLY write 1 thread (MB/s)", r => r.PlyWrite1, "0");
        Row("PLY write all (MB/s)", r => r.PlyWriteAll, "0");
        Row("PLY read 1 thread (MB/s)", r => r.PlyRead1, "0");
        Row("PLY read all (MB/s)", r => r.PlyReadAll, "0");
        Row("PLY->SPZ 1 thread (s)", r => r.PlyToSpz1, "0.000");
        Row("PLY->SPZ all (s)", r => r.PlyToSpzAll, "0.000");
        Row("SPZ->PLY 1 thread (s)", r => r.SpzToPly1, "0.000");
        Row("SPZ->PLY all (s)", r => r.SpzToPlyAll, "0.000");
    }

    private void WriteJson(TextWriter output, Figures[] results)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("gaussians", Gaussians);
            json.WriteNumber("cores", Environment.ProcessorCount);
            json.WriteString("zstd", ZstdNative.Version);
            json.WriteNumber("compressionLevel", Math.Max(1, options.Spz.CompressionLevel));
            json.WriteNumber("repeats", Repeats);
            json.WriteStartArray("results");
            foreach (var r in results)
            {
                json.WriteStartObject();
                json.WriteNumber("shDegree", r.ShDegree);
                json.WriteNumber("plyBytes", r.PlyBytes);
                json.WriteNumber("spzBytes", r.SpzBytes);
                json.WriteNumber("plyWriteMBps1", Math.Round(r.PlyWrite1, 1));
                json.WriteNumber("plyWriteMBpsAll", Math.Round(r.PlyWriteAll, 1));
                json.WriteNumber("plyReadMBps1", Math.Round(r.PlyRead1, 1));
                json.WriteNumber("plyReadMBpsAll", Math.Round(r.PlyReadAll, 1));
                json.WriteNumber("plyToSpzSeconds1", Math.Round(r.PlyToSpz1, 4));
                json.WriteNumber("plyToSpzSecondsAll", Math.Round(r.PlyToSpzAll, 4));
                json.WriteNumber("spzToPlySeconds1", Math.Round(r.SpzToPly1, 4));
                json.WriteNumber("spzToPlySecondsAll", Math.Round(r.SpzToPlyAll, 4));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
