using System.IO.Compression;
using Miner.Models.Files;

namespace Miner.Models.Splats;

/// <summary>
/// Reads SPZ files, recognised by their first bytes: the subnet's zstd SPZ (versions 1 and 2, as pyspz accepts)
/// and Niantic's gzip SPZ (versions 1 to 3). The payload header is decoded and checked against the frame's
/// declared size before the payload is allocated, so hostile counts and sizes are refused cheaply.
/// </summary>
public static class SpzReader
{
    private static ReadOnlySpan<byte> ZstdMagic => [0x28, 0xB5, 0x2F, 0xFD];

    /// <summary>The first payload buffer; it grows (doubling) only as decompressed bytes actually arrive.</summary>
    private const int InitialPayloadBytes = 1 << 20;

    /// <summary>Reads at most <see cref="LargestFile"/> bytes; a FIFO, device or folder is refused before it is opened.</summary>
    public static SpzDecoded ReadFile(string path, SplatReadOptions? options = null, int threads = 0) =>
        Read(InputFile.ReadAllBytes(path, LargestFile(options), "SPZ file"), options, threads);

    /// <summary>Largest SPZ (or base64 text of one) worth reading: twice the payload of the largest acceptable cloud.</summary>
    public static long LargestFile(SplatReadOptions? options = null) =>
        2L * LargestPayload(MaxPoints(options ?? new SplatReadOptions()));

    public static SpzDecoded Read(ReadOnlySpan<byte> file, SplatReadOptions? options = null, int threads = 0)
    {
        options ??= new SplatReadOptions();
        var maxPoints = MaxPoints(options);
        var budget = PayloadBudget(file.Length, maxPoints, options);
        if (file.StartsWith(ZstdMagic)) return ReadZstd(file, maxPoints, budget, threads);
        if (file.Length >= 2 && file[0] == 0x1F && file[1] == 0x8B) return ReadGzip(file, maxPoints, budget, threads);
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

    private static int MaxPoints(SplatReadOptions options) => Math.Min(options.MaxGaussians, SpzPacker.MaxPoints);

    /// <summary>The v2 payload of the largest acceptable cloud at SH degree 3.</summary>
    private static long LargestPayload(int maxPoints) => SpzPacker.PayloadSize(Math.Max(0, maxPoints), GaussianCloud.MaxShDegree);

    /// <summary>
    /// Most payload bytes this file may inflate to: the largest acceptable cloud's payload, and beyond
    /// <see cref="SplatReadOptions.FreeExpansionBytes"/> no more than the compression ratio allows.
    /// </summary>
    private static long PayloadBudget(int fileBytes, int maxPoints, SplatReadOptions options)
    {
        var byRatio = Math.Max(SplatReadOptions.FreeExpansionBytes, (long)Math.Max(1, options.MaxCompressionRatio) * fileBytes);
        var largestAnyVersion = SpzHeader.Size + (long)Math.Max(0, maxPoints) * (9 + 1 + 3 + 3 + 4 + 45); // v3 rotations take 4 bytes
        return Math.Min(largestAnyVersion, byRatio);
    }

    private static SplatFormatException OverBudget(string container, long size, long budget, int fileBytes) =>
        new(container, $"a {fileBytes}-byte file inflating to {size} bytes is over the budget of {budget} bytes "
            + "(largest acceptable cloud, or the compression ratio limit miner.splats.read.max-compression-ratio)", 0);

    private static SpzDecoded ReadZstd(ReadOnlySpan<byte> file, int maxPoints, long budget, int threads)
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
        var largest = LargestPayload(maxPoints);
        if (declared > (ulong)largest)
            throw new SplatFormatException("zstd", $"the frame declares {declared} content bytes, more than the largest acceptable payload ({largest})", 4);
        if (declared > (ulong)budget) throw OverBudget("zstd", (long)declared!.Value, budget, file.Length);

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
        if (needed > budget) throw OverBudget("zstd", needed, budget, file.Length);

        // pyspz decompresses the whole declared content and ignores bytes after the last block; the buffer
        // grows only as bytes come out, so a frame that merely claims a large size costs nothing.
        var size = (int)(declared ?? (ulong)needed);
        var payload = GC.AllocateUninitializedArray<byte>(InitialSize(size, file.Length));
        headerBytes.CopyTo(payload);
        while (!finished)
        {
            produced += Decode(decoder, file, ref consumed, payload.AsSpan(produced), out finished);
            if (produced < payload.Length || payload.Length == size) break;
            payload = Grow(payload, produced, size);
        }
        if (!finished && produced == size)
        {
            Span<byte> probe = stackalloc byte[1];
            var extra = Decode(decoder, file, ref consumed, probe, out finished);
            if (extra > 0 && declared is not null)
                throw new SplatFormatException("zstd", $"the frame holds more than its declared {declared} bytes", consumed);
        }
        if (produced < size)
            throw new SplatFormatException("SPZ payload", $"the frame ends after {produced} of {size} payload bytes", produced,
                property: produced < needed ? SpzUnpacker.BlockAt(header, produced) : null);
        if (!finished && declared is not null)
            throw new SplatFormatException("zstd", "the frame is truncated", file.Length);
        return new SpzDecoded(SpzUnpacker.Unpack(payload, maxPoints, 2, threads), header, SpzContainer.Zstd, payload.Length);
    }

    /// <summary>Enough for a typical file in one go (SPZ compresses about 1.5:1), never the full claim up front.</summary>
    private static int InitialSize(int size, int fileBytes) =>
        (int)Math.Min(size, Math.Max(InitialPayloadBytes, 4L * fileBytes));

    private static byte[] Grow(byte[] payload, int produced, int size)
    {
        var next = GC.AllocateUninitializedArray<byte>((int)Math.Min(size, 2L * payload.Length));
        payload.AsSpan(0, produced).CopyTo(next);
        return next;
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

    private static unsafe SpzDecoded ReadGzip(ReadOnlySpan<byte> file, int maxPoints, long budget, int threads)
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
                if (header.PayloadSize > budget) throw OverBudget("gzip", header.PayloadSize, budget, file.Length);
                var size = (int)header.PayloadSize;
                var payload = GC.AllocateUninitializedArray<byte>(InitialSize(size, file.Length));
                headerBytes.CopyTo(payload, 0);
                while (true)
                {
                    got += gzip.ReadAtLeast(payload.AsSpan(got), payload.Length - got, throwOnEndOfStream: false);
                    if (got < payload.Length || payload.Length == size) break;
                    payload = Grow(payload, got, size);
                }
                if (got < size)
                    throw new SplatFormatException("SPZ payload", $"the gzip stream ends after {got} of {size} payload bytes", got,
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
