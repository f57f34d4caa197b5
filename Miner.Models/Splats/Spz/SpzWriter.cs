using Miner.Models.Files;

namespace Miner.Models.Splats;

/// <summary>Writes the subnet's SPZ: a version-2 payload (<see cref="SpzPacker"/>) in one zstd frame with its content size.</summary>
public static class SpzWriter
{
    public static byte[] Write(GaussianCloud cloud, SpzWriteOptions? options = null, int threads = 0)
    {
        options ??= new SpzWriteOptions();
        var payload = GC.AllocateUninitializedArray<byte>(SpzPacker.PayloadSize(cloud.Count, cloud.ShDegree));
        SpzPacker.Pack(cloud, payload, threads);
        return ZstdNative.Compress(payload, options.CompressionLevel, options.Workers);
    }

    public static void WriteFile(string path, GaussianCloud cloud, SpzWriteOptions? options = null, int threads = 0)
    {
        options ??= new SpzWriteOptions();
        var payload = GC.AllocateUninitializedArray<byte>(SpzPacker.PayloadSize(cloud.Count, cloud.ShDegree));
        SpzPacker.Pack(cloud, payload, threads);
        var frame = GC.AllocateUninitializedArray<byte>(ZstdNative.CompressBound(payload.Length));
        var length = ZstdNative.Compress(payload, frame, options.CompressionLevel, options.Workers);
        OutputFile.Write(path, stream => stream.Write(frame, 0, length));
    }
}
