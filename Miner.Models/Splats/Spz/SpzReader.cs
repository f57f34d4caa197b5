using System.IO.Compression;

namespace Miner.Models.Splats;

/// <summary>
/// Reads SPZ files, recognised by their first bytes: the subnet's zstd SPZ (versions 1 and 2, as pyspz accepts)
/// and Niantic's gzip SPZ (versions 1 to 3). The payload header is decoded and checked against the frame's
/// declared size before the payload is allocated, so hostile counts and sizes are refused cheaply.
/// </summary>
public static class SpzReader
{
    private static ReadOnlySpan<byte> ZstdMagic => [0x28, 0xB5, 0x2F, 0xFD];

    public static SpzDecoded ReadFile(string path, SplatReadOptions? options = null, int threads = 0) =>
        Read(File.ReadAllBytes(path), options, threads);

    public static SpzDecoded Read(ReadOnlySpan<byte> file, SplatReadOptions? options = null, int threads = 0)
    {
        options ??= new SplatReadOptions();
        var maxPoints = Math.Min(options.MaxGaussians, SpzPacker.MaxPoints);
        if (file.StartsWith(ZstdMagic)) return ReadZstd(file, maxPoints, threads);
        if (file.Length >= 2 && file[0] == 0x1F && file[1] == 0x8B) return ReadGzip(file, maxPoints, threads);
        if (file.Length >= 8 && file.StartsWith("NGSP"u8))
        {
            var version = BitConverter.ToUInt32(file[4..8]);
            throw new SplatFormatException("SPZ", version >= 4
                ? $"Niantic SPZ version {version} (plain header, per-stream zstd) is not supported, and the validator rejects it"
                : "an uncompressed SPZ payload; an SPZ file is a zstd frame (or Niantic's gzip) around it", 0);
        }
        throw new SplatFormatException("SPZ", $"not an SPZ file: it starts with {Convert.ToHexString(file[..Math.Min(4, file.Length)])}, "
            + "neither a zstd frame (28B52FFD) nor gzip (1F8B)", 0);
    }

    private static SpzDecoded ReadZstd(ReadOnlySpan<byte> file, int maxPoints, int threads)
    {
        long frameLength;
        ulong? declared;
        try
        {
            frameLength = ZstdNative.FrameCompressedSize(file);
            declared = ZstdNative.FrameContentSize(file);
        }
        catch (InvalidDataException e)
        {
            throw new SplatFormatException("zstd", $"the frame is invalid or truncated ({e.Message})", file.Length, inner: e);
        }
        if (frameLength != file.Length)
            throw new SplatFormatException("zstd", $"{file.Length - frameLength} bytes follow the frame; pyspz accepts exactly one frame", frameLength);
        var largest = SpzPacker.PayloadSize(maxPoints, GaussianCloud.MaxShDegree);
        if (declared > (ulong)largest)
            throw new SplatFormatException("zstd", $"the frame declares {declared} content bytes, more than the largest acceptable payload ({largest})", 4);

        using var decoder = new ZstdStreamDecoder();
        var consumed = 0;
        Span<byte> headerBytes = stackalloc byte[SpzHeader.Size];
        var produced = Decode(decoder, file, ref consumed, headerBytes, out var finished);
        if (produced < SpzHeader.Size)
            throw new SplatFormatException("SPZ payload", $"the payload holds only {produced} bytes, fewer than its 16-byte header", produced, property: "header");
        var header = SpzUnpacker.ReadHeader(headerBytes, maxPoints, maxVersion: 2);
        var needed = header.PayloadSize;
        if (declared < (ulong)needed)
            throw new SplatFormatException("SPZ payload",
                $"the zstd frame declares {declared} bytes but {header.NumPoints} points at SH degree {header.ShDegree} need {needed}", (long)declared!.Value);

        // pyspz decompresses the whole declared content and ignores bytes after the last block
        var payload = GC.AllocateUninitializedArray<byte>((int)(declared ?? (ulong)needed));
        headerBytes.CopyTo(payload);
        produced += Decode(decoder, file, ref consumed, payload.AsSpan(SpzHeader.Size), out finished);
        if (!finished && produced == payload.Length)
        {
            Span<byte> probe = stackalloc byte[1];
            var extra = Decode(decoder, file, ref consumed, probe, out finished);
            if (extra > 0 && declared is not null)
                throw new SplatFormatException("zstd", $"the frame holds more than its declared {declared} bytes", consumed);
        }
        if (produced < payload.Length)
            throw new SplatFormatException("SPZ payload", $"the frame ends after {produced} of {payload.Length} payload bytes", produced,
                property: produced < needed ? SpzUnpacker.BlockAt(header, produced) : null);
        if (!finished && declared is not null)
            throw new SplatFormatException("zstd", "the frame is truncated", file.Length);
        return new SpzDecoded(SpzUnpacker.Unpack(payload, maxPoints, 2, threads), header, SpzContainer.Zstd, payload.Length);
    }

    private static int Decode(ZstdStreamDecoder decoder, ReadOnlySpan<byte> file, ref int consumed, Span<byte> destination, out bool finished)
    {
        try
        {
            return decoder.Decompress(file, ref consumed, destination, out finished);
        }
        catch (InvalidDataException e)
        {
            throw new SplatFormatException("zstd", e.Message, consumed, inner: e);
        }
    }

    private static unsafe SpzDecoded ReadGzip(ReadOnlySpan<byte> file, int maxPoints, int threads)
    {
        fixed (byte* start = file)
        {
            using var compressed = new UnmanagedMemoryStream(start, file.Length);
            using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
            try
            {
                var headerBytes = new byte[SpzHeader.Size];
                var got = gzip.ReadAtLeast(headerBytes, SpzHeader.Size, throwOnEndOfStream: false);
                if (got < SpzHeader.Size)
                    throw new SplatFormatException("SPZ payload", $"the gzip stream holds only {got} bytes, fewer than the 16-byte header", got, property: "header");
                var header = SpzUnpacker.ReadHeader(headerBytes, maxPoints, maxVersion: 3);
                var payload = GC.AllocateUninitializedArray<byte>((int)header.PayloadSize);
                headerBytes.CopyTo(payload, 0);
                got += gzip.ReadAtLeast(payload.AsSpan(SpzHeader.Size), payload.Length - SpzHeader.Size, throwOnEndOfStream: false);
                if (got < payload.Length)
                    throw new SplatFormatException("SPZ payload", $"the gzip stream ends after {got} of {payload.Length} payload bytes", got,
                        property: SpzUnpacker.BlockAt(header, got));
                return new SpzDecoded(SpzUnpacker.Unpack(payload, maxPoints, 3, threads), header, SpzContainer.NianticGzip, payload.Length);
            }
            catch (InvalidDataException e)
            {
                throw new SplatFormatException("gzip", e.Message, compressed.Position, inner: e);
            }
        }
    }
}
