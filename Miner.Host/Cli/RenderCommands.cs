using System.CommandLine;
using Miner.Host.Commands.Render;
using Miner.Models.Rendering;

namespace Miner.Host.Cli;

/// <summary>`miner render` (the validator's views of a splat file as PNGs) and `miner gate`.</summary>
public static class RenderCommands
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("FILE") { Description = ".ply or .spz (also base64 of either)" };
        var output = new Option<string?>("--out") { Description = "Directory for the 16 production views, or the PNG of a custom view" };
        var grid = new Option<string?>("--grid") { Description = "PNG file for the validator's 1041x1041 grid preview (views 1, 5, 9, 13)" };
        var theta = new Option<double?>("--theta") { Description = "Custom view: azimuth in degrees (default 0)" };
        var phi = new Option<double?>("--phi") { Description = "Custom view: elevation in degrees (default -15; negative looks down)" };
        var radius = new Option<double?>("--radius") { Description = "Custom view: orbit radius (default 2.5)" };
        var bbox = new Option<double?>("--bbox") { Description = "Custom view: normalisation reference size (default 1.5)" };
        var size = new Option<int?>("--size") { Description = "Custom view: image side in pixels (default 518)" };
        var fov = new Option<double?>("--fov") { Description = "Custom view: field of view in degrees (default 49.1)" };
        var gsplat = new Option<string>("--gsplat")
        {
            Description = "Culling box of gsplat 1.5.3 (production) or 1.4.0 (the validator's reference PNG)",
            DefaultValueFactory = _ => "1.5.3",
        };
        gsplat.AcceptOnlyFromAmong("1.5.3", "1.4.0");
        var render = new Command("render", "Render a splat file as the validator does: 16 production views, the grid preview, or one custom view")
        {
            file, output, grid, theta, phi, radius, bbox, size, fov, gsplat,
        };
        render.SetAction(parse => context.WithSettings(parse, s => new RenderCommand(s.Splats).Run(new RenderRequest(parse.GetValue(file)!.FullName)
        {
            Out = parse.GetValue(output),
            Grid = parse.GetValue(grid),
            Theta = parse.GetValue(theta),
            Phi = parse.GetValue(phi),
            Radius = parse.GetValue(radius),
            ReferenceSize = parse.GetValue(bbox),
            Size = parse.GetValue(size),
            Fov = parse.GetValue(fov),
            Culling = parse.GetValue(gsplat) == "1.4.0" ? CullingBox.Gsplat140 : CullingBox.Gsplat153,
        }, context.Out, context.Error)));
        return render;
    }

    /// <summary>`miner gate FILE [--json]`: the self-validation gate's verdict.</summary>
    public static Command CreateGate(CliContext context)
    {
        var file = new Argument<FileInfo>("FILE") { Description = ".ply or .spz (also base64 of either)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var gate = new Command("gate", "The self-validation gate's verdict with reasons and figures (exit 0 submit, 2 retry, 3 decline, 1 unreadable)") { file, json };
        gate.SetAction(parse => context.WithSettings(parse, s =>
            new GateCommand(s.Splats, s.Gate).Run(parse.GetValue(file)!.FullName, parse.GetValue(json), context.Out, context.Error)));
        return gate;
    }
}
