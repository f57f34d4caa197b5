using System.Buffers.Text;
using Miner.Models.Files;

namespace Miner.Models.Splats;

/// <summary>
/// Opens and saves splat files: the input kind comes from the first bytes (PLY, zstd SPZ, gzip SPZ, or base64
/// text of any of them); the output kind from the extension (.ply, .spz = the subnet's format).
/// </summary>
public static class SplatFile
{
    /// <summary>
    /// Reads a regular file (a FIFO, device or folder is refused before it is opened): a PLY streams from the file,
    /// checked against its length; an SPZ or base64 file is read whole, cut off at <see cref="SpzReader.LargestFile"/>.
    /// </summary>
    public static LoadedSplats Load(string path, SplatReadOptions? options = null, int threads = 0)
    {
        options ??= new SplatReadOptions();
        using var stream = InputFile.OpenRead(path, 1, FileOptions.SequentialScan);
        Span<byte> head = stackalloc byte[4];
        var read = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        stream.Position = 0;
        if (head[..read].SequenceEqual("ply\n"u8) || head[..read].SequenceEqual("ply\r"u8))
        {
            var cloud = PlyReader.Read(stream, out var header, options, threads);
            return new LoadedSplats(cloud, SplatFileKind.Ply, header, null, false, stream.Length);
        }
        return Decode(InputFile.ReadAtMost(stream, SpzReader.LargestFile(options), path, "SPZ file"), options, threads);
    }

    /// <summary>Decodes splat bytes held in memory (PLY, SPZ, or base64 text of either).</summary>
    public static LoadedSplats Decode(byte[] bytes, SplatReadOptions? options = null, int threads = 0)
    {
        options ??= new SplatReadOptions();
        var fileBytes = bytes.Length;
        var data = new ArraySegment<byte>(bytes);
        var base64 = false;
        if (LooksLikeBase64(bytes))
        {
            var text = bytes.AsSpan().TrimEnd("\r\n "u8);
            var decodedLength = Base64.GetMaxDecodedFromUtf8Length(text.Length);
            var limit = SpzReader.LargestFile(options);
            if (decodedLength > limit)
                throw new SplatFormatException("base64", $"the text decodes to {decodedLength} bytes, more than the largest acceptable SPZ ({limit})", 0);
            var decoded = GC.AllocateUninitializedArray<byte>(decodedLength);
            if (Base64.DecodeFromUtf8(text, decoded, out _, out var written) != System.Buffers.OperationStatus.Done)
                throw new SplatFormatException("base64", "the file looks like base64 text but does not decode", 0);
            data = new ArraySegment<byte>(decoded, 0, written);
            base64 = true;
        }
        if (data.AsSpan().StartsWith("ply"u8))
        {
            var cloud = PlyReader.Read(new MemoryStream(data.Array!, data.Offset, data.Count, writable: false), out var header, options, threads);
            return new LoadedSplats(cloud, SplatFileKind.Ply, header, null, base64, fileBytes);
        }
        var spz = SpzReader.Read(data, options, threads);
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
