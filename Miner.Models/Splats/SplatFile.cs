using System.Buffers.Text;
using Miner.Models.Files;

namespace Miner.Models.Splats;

/// <summary>
/// Opens and saves splat files: the input kind comes from the first bytes (PLY, zstd SPZ, gzip SPZ, or base64
/// text of any of them); the output kind from the extension (.ply, .spz = the subnet's format).
/// </summary>
public static class SplatFile
{
    public static LoadedSplats Load(string path, SplatReadOptions? options = null, int threads = 0)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new FileNotFoundException($"no such file: {path}", path);
        using (var probe = File.OpenRead(path))
        {
            Span<byte> head = stackalloc byte[4];
            var read = probe.ReadAtLeast(head, 4, throwOnEndOfStream: false);
            if (head[..read].SequenceEqual("ply\n"u8) || head[..read].SequenceEqual("ply\r"u8))
            {
                probe.Position = 0;
                var cloud = PlyReader.Read(probe, out var header, options, threads);
                return new LoadedSplats(cloud, SplatFileKind.Ply, header, null, false, info.Length);
            }
        }
        // SPZ and base64 files are read whole: refuse sizes no acceptable cloud can have
        var largest = 2L * SpzPacker.PayloadSize(Math.Min((options ?? new SplatReadOptions()).MaxGaussians, SpzPacker.MaxPoints), GaussianCloud.MaxShDegree);
        if (info.Length > largest)
            throw new SplatFormatException("SPZ", $"the file holds {info.Length} bytes, more than any acceptable SPZ ({largest})", 0);
        return Decode(File.ReadAllBytes(path), options, threads);
    }

    /// <summary>Decodes splat bytes held in memory (PLY, SPZ, or base64 text of either).</summary>
    public static LoadedSplats Decode(byte[] bytes, SplatReadOptions? options = null, int threads = 0)
    {
        var fileBytes = bytes.Length;
        var base64 = false;
        if (LooksLikeBase64(bytes))
        {
            var text = bytes.AsSpan().TrimEnd("\r\n "u8);
            var decoded = new byte[Base64.GetMaxDecodedFromUtf8Length(text.Length)];
            if (Base64.DecodeFromUtf8(text, decoded, out _, out var written) != System.Buffers.OperationStatus.Done)
                throw new SplatFormatException("base64", "the file looks like base64 text but does not decode", 0);
            bytes = decoded[..written];
            base64 = true;
        }
        if (bytes.AsSpan().StartsWith("ply"u8))
        {
            var cloud = PlyReader.Read(new MemoryStream(bytes), out var header, options, threads);
            return new LoadedSplats(cloud, SplatFileKind.Ply, header, null, base64, fileBytes);
        }
        var spz = SpzReader.Read(bytes, options, threads);
        var kind = spz.Container == SpzContainer.Zstd ? SplatFileKind.Spz : SplatFileKind.NianticSpz;
        return new LoadedSplats(spz.Cloud, kind, null, spz.Header, base64, fileBytes);
    }

    /// <summary>Writes by extension: .ply (the pyspz layout) or .spz (the subnet's zstd SPZ).</summary>
    public static void Save(string path, GaussianCloud cloud, SpzWriteOptions? spz = null, int threads = 0)
    {
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".ply":
                PlyWriter.WriteFile(path, cloud, threads: threads);
                break;
            case ".spz":
                SpzWriter.WriteFile(path, cloud, spz, threads);
                break;
            default:
                throw new FileRefusedException($"{path}: cannot tell the output format: use a .ply or .spz extension");
        }
    }

    /// <summary>"cGx5" is base64 of "ply", "KLUv" of the zstd magic, "H4s" of the gzip magic.</summary>
    private static bool LooksLikeBase64(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("cGx5"u8) || bytes.StartsWith("KLUv"u8) || bytes.StartsWith("H4s"u8);
}
