using Miner.Models.Files;
using Miner.Models.Imaging;
using Miner.Models.Rendering;
using Miner.Models.Splats;

namespace Miner.Host.Commands.Generation;

/// <summary>
/// Writes one generated cloud (storage values, as submitted) as <c>stem.ply</c>, <c>stem.spz</c> (the subnet's
/// zstd SPZ, the bytes a submission carries) and <c>stem.grid.png</c> (the four production views, 2 x 2).
/// </summary>
public static class ResultFiles
{
    public static ResultPaths Write(string plyPath, GaussianCloud cloud)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        var paths = Check(plyPath);
        OutputFile.Write(paths.Ply, stream => PlyWriter.Write(stream, cloud));
        OutputFile.WriteAllBytes(paths.Spz, SpzWriter.Write(cloud));
        OutputFile.WriteAllBytes(paths.Grid, ImageCodec.EncodePng(GridPreview.Render(cloud)));
        return paths;
    }

    /// <summary>
    /// The three paths for <paramref name="plyPath"/>, checked before any work: a .ply path (not a folder), none of
    /// the three an input file; the folder is created when missing.
    /// </summary>
    public static ResultPaths Check(string plyPath, params string[] inputs)
    {
        if (!plyPath.EndsWith(".ply", StringComparison.OrdinalIgnoreCase))
            throw new FileRefusedException($"{plyPath}: give a .ply path (the .spz and .grid.png are written beside it)");
        var directory = Path.GetDirectoryName(Path.GetFullPath(plyPath))!;
        var folder = FileStatus.Of(directory);
        if (folder.Exists && folder.Kind != FileKind.Directory) throw new FileRefusedException($"{plyPath}: {directory} is not a folder");
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, Path.GetFileNameWithoutExtension(plyPath));
        var paths = new ResultPaths(stem + ".ply", stem + ".spz", stem + ".grid.png");
        foreach (var path in new[] { paths.Ply, paths.Spz, paths.Grid })
        {
            OutputFile.RequireWritableTarget(path);
            OutputFile.RefuseOverwritingInput(path, inputs);
        }
        return paths;
    }

    /// <summary>A task id as a file name: anything but letters, digits, '-' and '_' becomes '_'.</summary>
    public static string SafeName(string text) =>
        new(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').Take(80).ToArray());
}
