using System.Reflection;
using System.Runtime.InteropServices;

namespace Miner.Models.Splats;

/// <summary>
/// The system zstd library (<c>libzstd.so.1</c>) through function pointers resolved on first use, so a machine
/// without it gets one clear <see cref="DllNotFoundException"/> naming the library instead of a failure at load time.
/// </summary>
public static unsafe class ZstdNative
{
    public const string LibraryName = "libzstd.so.1";

    /// <summary>ZSTD_getFrameContentSize's "unknown" and "error" answers.</summary>
    private const ulong ContentSizeUnknown = ulong.MaxValue;
    private const ulong ContentSizeError = ulong.MaxValue - 1;

    private const int ParameterCompressionLevel = 100;
    private const int ParameterContentSizeFlag = 200;
    private const int ParameterNbWorkers = 400;

    private static readonly Lazy<Api> Functions = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True when the library can be loaded.</summary>
    public static bool IsAvailable
    {
        get
        {
            try
            {
                _ = Functions.Value;
                return true;
            }
            catch (DllNotFoundException)
            {
                return false;
            }
        }
    }

    /// <summary>The library's version, e.g. "1.5.4".</summary>
    public static string Version => Marshal.PtrToStringAnsi((nint)Functions.Value.VersionString()) ?? "";

    public static int CompressBound(int sourceLength) => checked((int)Functions.Value.CompressBound((nuint)sourceLength));

    /// <summary>One frame with its content size, as pyspz writes it: level raised to at least 1, nbWorkers as given.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> source, int level, int workers)
    {
        var buffer = new byte[CompressBound(source.Length)];
        var written = Compress(source, buffer, level, workers);
        Array.Resize(ref buffer, written);
        return buffer;
    }

    public static int Compress(ReadOnlySpan<byte> source, Span<byte> destination, int level, int workers)
    {
        var api = Functions.Value;
        var context = api.CreateCCtx();
        if (context == 0) throw new OutOfMemoryException("ZSTD_createCCtx failed");
        try
        {
            Check(api.CCtxSetParameter(context, ParameterCompressionLevel, Math.Max(level, 1)), "compression level");
            Check(api.CCtxSetParameter(context, ParameterContentSizeFlag, 1), "content size flag");
            if (workers != 0) Check(api.CCtxSetParameter(context, ParameterNbWorkers, workers), "nbWorkers");
            fixed (byte* src = source)
            fixed (byte* dst = destination)
                return (int)Check(api.Compress2(context, dst, (nuint)destination.Length, src, (nuint)source.Length), "compress");
        }
        finally
        {
            api.FreeCCtx(context);
        }
    }

    /// <summary>The frame's declared content size; null when the frame does not declare it.</summary>
    public static ulong? FrameContentSize(ReadOnlySpan<byte> frame)
    {
        fixed (byte* src = frame)
        {
            var size = Functions.Value.GetFrameContentSize(src, (nuint)frame.Length);
            if (size == ContentSizeError) throw new InvalidDataException("not a valid zstd frame header");
            return size == ContentSizeUnknown ? null : size;
        }
    }

    /// <summary>Bytes taken by the first frame of <paramref name="data"/>; throws when the frame is incomplete or invalid.</summary>
    public static long FrameCompressedSize(ReadOnlySpan<byte> data)
    {
        fixed (byte* src = data)
        {
            var size = Functions.Value.FindFrameCompressedSize(src, (nuint)data.Length);
            return (long)Check(size, "frame");
        }
    }

    /// <summary>Decompresses exactly one frame into <paramref name="destination"/>, which must hold its whole content.</summary>
    public static int DecompressFrame(ReadOnlySpan<byte> frame, Span<byte> destination)
    {
        using var decoder = new ZstdStreamDecoder();
        var input = 0;
        var produced = decoder.Decompress(frame, ref input, destination, out var finished);
        if (!finished && produced == destination.Length)
        {
            // the output may be exactly full with the end of the frame still to be read
            Span<byte> probe = stackalloc byte[1];
            if (decoder.Decompress(frame, ref input, probe, out finished) > 0)
                throw new InvalidDataException("the frame holds more data than the destination");
        }
        if (!finished) throw new InvalidDataException("the frame is truncated");
        return produced;
    }

    internal static Api Library => Functions.Value;

    internal static nuint Check(nuint code, string what)
    {
        if (Functions.Value.IsError(code) == 0) return code;
        var name = Marshal.PtrToStringAnsi((nint)Functions.Value.GetErrorName(code));
        throw new InvalidDataException($"zstd {what}: {name}");
    }

    private static Api Load()
    {
        if (!NativeLibrary.TryLoad(LibraryName, Assembly.GetExecutingAssembly(), null, out var handle)
            && !NativeLibrary.TryLoad("libzstd", Assembly.GetExecutingAssembly(), null, out handle))
            throw new DllNotFoundException(
                $"The zstd library {LibraryName} could not be loaded; SPZ needs it. Install the system package "
                + "(Debian/Ubuntu: libzstd1, Fedora: libzstd, macOS: brew install zstd) or put the library on the loader path.");
        return new Api(handle);
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct InBuffer
    {
        public byte* Source;
        public nuint Size;
        public nuint Position;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct OutBuffer
    {
        public byte* Destination;
        public nuint Size;
        public nuint Position;
    }

    internal sealed class Api(nint library)
    {
        public readonly delegate* unmanaged<nuint, nuint> CompressBound = (delegate* unmanaged<nuint, nuint>)Export(library, "ZSTD_compressBound");
        public readonly delegate* unmanaged<nint> CreateCCtx = (delegate* unmanaged<nint>)Export(library, "ZSTD_createCCtx");
        public readonly delegate* unmanaged<nint, nuint> FreeCCtx = (delegate* unmanaged<nint, nuint>)Export(library, "ZSTD_freeCCtx");
        public readonly delegate* unmanaged<nint, int, int, nuint> CCtxSetParameter = (delegate* unmanaged<nint, int, int, nuint>)Export(library, "ZSTD_CCtx_setParameter");
        public readonly delegate* unmanaged<nint, byte*, nuint, byte*, nuint, nuint> Compress2 = (delegate* unmanaged<nint, byte*, nuint, byte*, nuint, nuint>)Export(library, "ZSTD_compress2");
        public readonly delegate* unmanaged<nuint, uint> IsError = (delegate* unmanaged<nuint, uint>)Export(library, "ZSTD_isError");
        public readonly delegate* unmanaged<nuint, byte*> GetErrorName = (delegate* unmanaged<nuint, byte*>)Export(library, "ZSTD_getErrorName");
        public readonly delegate* unmanaged<byte*, nuint, ulong> GetFrameContentSize = (delegate* unmanaged<byte*, nuint, ulong>)Export(library, "ZSTD_getFrameContentSize");
        public readonly delegate* unmanaged<byte*, nuint, nuint> FindFrameCompressedSize = (delegate* unmanaged<byte*, nuint, nuint>)Export(library, "ZSTD_findFrameCompressedSize");
        public readonly delegate* unmanaged<nint> CreateDStream = (delegate* unmanaged<nint>)Export(library, "ZSTD_createDStream");
        public readonly delegate* unmanaged<nint, nuint> FreeDStream = (delegate* unmanaged<nint, nuint>)Export(library, "ZSTD_freeDStream");
        public readonly delegate* unmanaged<nint, nuint> InitDStream = (delegate* unmanaged<nint, nuint>)Export(library, "ZSTD_initDStream");
        public readonly delegate* unmanaged<nint, OutBuffer*, InBuffer*, nuint> DecompressStream = (delegate* unmanaged<nint, OutBuffer*, InBuffer*, nuint>)Export(library, "ZSTD_decompressStream");
        public readonly delegate* unmanaged<byte*> VersionString = (delegate* unmanaged<byte*>)Export(library, "ZSTD_versionString");

        private static nint Export(nint library, string name) =>
            NativeLibrary.TryGetExport(library, name, out var address)
                ? address
                : throw new DllNotFoundException($"{LibraryName} lacks {name}; it is too old (zstd 1.4 or newer is needed)");
    }
}
