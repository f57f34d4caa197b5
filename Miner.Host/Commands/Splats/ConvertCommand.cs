using System.Diagnostics;
using System.Globalization;
using Miner.Models.Splats;

namespace Miner.Host.Commands.Splats;

/// <summary>
/// <c>miner convert IN OUT</c>: any readable splat file (PLY, SPZ, Niantic SPZ, base64 of them) to the kind OUT's
/// extension names: .ply (the layout pyspz emits) or .spz (the subnet's zstd SPZ).
/// </summary>
public sealed class ConvertCommand(SplatOptions options)
{
    public int Run(string input, string output, TextWriter stdout, TextWriter stderr) => SplatCommandGuard.Run(stderr, () =>
    {
        SplatCommandGuard.CheckOutput(input, output);
        var clock = Stopwatch.StartNew();
        var loaded = SplatFile.Load(input, options.Read, options.Threads);
        SplatFile.Save(output, loaded.Cloud, options.Spz, options.Threads);
        var written = new FileInfo(output).Length;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{input} ({InspectCommand.Describe(loaded)}) -> {output}: {loaded.Cloud.Count:N0} gaussians, {written:N0} bytes in {clock.Elapsed.TotalSeconds:0.###} s"));
        return SplatCommandGuard.Ok;
    });
}
