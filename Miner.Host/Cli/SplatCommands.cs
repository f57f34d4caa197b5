using System.CommandLine;
using Miner.Host.Commands.Splats;

namespace Miner.Host.Cli;

/// <summary>`miner inspect`, `miner convert`, `miner normalize`.</summary>
public static class SplatCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        var file = new Argument<FileInfo>("FILE") { Description = ".ply or .spz (also base64 of either)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var inspect = new Command("inspect", "Statistics, validator verdict and density of a splat file (exit 0 accepted, 2 rejected, 1 unreadable)") { file, json };
        inspect.SetAction(parse => context.WithSettings(parse, s =>
            new InspectCommand(s.Splats).Run(parse.GetValue(file)!.FullName, parse.GetValue(json), context.Out, context.Error)));
        yield return inspect;

        var input = new Argument<FileInfo>("IN") { Description = "Input .ply or .spz" };
        var output = new Argument<FileInfo>("OUT") { Description = "Output .ply or .spz (.spz is the subnet's format)" };
        var convert = new Command("convert", "Convert between PLY and SPZ, by extension") { input, output };
        convert.SetAction(parse => context.WithSettings(parse, s =>
            new ConvertCommand(s.Splats).Run(parse.GetValue(input)!.FullName, parse.GetValue(output)!.FullName, context.Out, context.Error)));
        yield return convert;

        var normIn = new Argument<FileInfo>("IN") { Description = "Input .ply or .spz" };
        var normOut = new Argument<FileInfo>("OUT") { Description = "Output .ply or .spz" };
        var normalize = new Command("normalize", "Adaptive opacity and geometry normalisation, then the validator check") { normIn, normOut };
        normalize.SetAction(parse => context.WithSettings(parse, s =>
            new NormalizeCommand(s.Splats).Run(parse.GetValue(normIn)!.FullName, parse.GetValue(normOut)!.FullName, context.Out, context.Error)));
        yield return normalize;
    }
}
