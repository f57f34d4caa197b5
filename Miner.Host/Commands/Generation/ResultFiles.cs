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
        var directory = Path.GetDirectoryName(Path.GetFullPath(plyPath))!;
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, Path.GetFileNameWithoutExtension(plyPath));
        var paths = new ResultPaths(stem + ".ply", stem + ".spz", stem + ".grid.png");
        using (var stream = File.Create(paths.Ply)) PlyWriter.Write(stream, cloud);
        File.WriteAllBytes(paths.Spz, SpzWriter.Write(cloud));
        File.WriteAllBytes(paths.Grid, PngEncoder.Encode(GridPreview.Render(cloud)));
        return paths;
    }

    /// <summary>A task id as a file name: anything but letters, digits, '-' and '_' becomes '_'.</summary>
    public static string SafeName(string text) =>
        new(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').Take(80).ToArray());
}
