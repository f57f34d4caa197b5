using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Miner.Models.Imaging;
using Miner.Models.Rendering;
using Miner.Models.Splats;

namespace Miner.Specs.HostileInput;

/// <summary>
/// A throwaway working folder with the inputs a case needs, made by the spec (no checked-in blobs): a small valid
/// PLY, SPZ and PNG, a HOME for wallets and the miner home, plus whatever the case adds (FIFOs, links, crafted files).
/// </summary>
public sealed class Workspace : IDisposable
{
    public Workspace()
    {
        Root = Directory.CreateTempSubdirectory("miner-hostile-").FullName;
        Directory.CreateDirectory(Path.Combine(Root, "home"));
        var cloud = RenderBenchmark.SyntheticCloud(800);
        PlyWriter.WriteFile(PathOf("small.ply"), cloud);
        File.WriteAllBytes(PathOf("small.spz"), SpzWriter.Write(cloud));
        File.WriteAllBytes(PathOf("small.png"), ImageCodec.EncodePng(Picture()));
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Write(string relative, byte[] bytes) => File.WriteAllBytes(PathOf(relative), bytes);

    public void WriteText(string relative, string text) => File.WriteAllText(PathOf(relative), text);

    public void Folder(string relative) => Directory.CreateDirectory(PathOf(relative));

    public void Link(string relative, string target) => File.CreateSymbolicLink(PathOf(relative), target);

    public void HardLink(string relative, string existing)
    {
        if (link(PathOf(existing), PathOf(relative)) != 0) throw new IOException($"link {existing} {relative} failed");
    }

    /// <summary>A FIFO with no writer: opening it for reading blocks forever.</summary>
    public void Fifo(string relative) => TestKit.SpecialFiles.MakeFifo(PathOf(relative));

    /// <summary>Every entry under the root (FIFOs and links by kind, files by content hash), to compare before and after.</summary>
    public IReadOnlyDictionary<string, string> Snapshot()
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFileSystemEntries(Root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Root, path);
            var info = new FileInfo(path);
            entries[relative] = info.LinkTarget is { } target ? "link:" + target
                : (info.Attributes & FileAttributes.Directory) != 0 ? "folder"
                : Models.Files.FileStatus.Of(path).Kind != Models.Files.FileKind.Regular ? "special"
                : Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
        }
        return entries;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static RgbaImage Picture()
    {
        var image = new RgbaImage(64, 64);
        for (var y = 0; y < 64; y++)
            for (var x = 0; x < 64; x++)
            {
                var inside = (x - 32) * (x - 32) + (y - 32) * (y - 32) < 400;
                image.SetPixel(x, y, inside ? (byte)200 : (byte)255, inside ? (byte)40 : (byte)255, inside ? (byte)40 : (byte)255);
            }
        return image;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int link(string existing, string created);
}
