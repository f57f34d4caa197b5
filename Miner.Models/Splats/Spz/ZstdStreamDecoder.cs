namespace Miner.Models.Splats;

/// <summary>
/// Incremental zstd decoding, so a reader can look at the first bytes of a payload (the SPZ header) before
/// allocating for the size the frame claims.
/// </summary>
internal sealed unsafe class ZstdStreamDecoder : IDisposable
{
    private readonly ZstdNative.Api api = ZstdNative.Library;
    private nint stream;

    public ZstdStreamDecoder()
    {
        stream = api.CreateDStream();
        if (stream == 0) throw new OutOfMemoryException("ZSTD_createDStream failed");
        ZstdNative.Check(api.InitDStream(stream), "init");
    }

    /// <summary>
    /// Decodes from <paramref name="source"/>[<paramref name="consumed"/>..] until <paramref name="destination"/> is full,
    /// the frame ends or the input runs out; returns the bytes written.
    /// </summary>
    public int Decompress(ReadOnlySpan<byte> source, ref int consumed, Span<byte> destination, out bool frameFinished)
    {
        frameFinished = false;
        fixed (byte* src = source)
        fixed (byte* dst = destination)
        {
            var input = new ZstdNative.InBuffer { Source = src, Size = (nuint)source.Length, Position = (nuint)consumed };
            var output = new ZstdNative.OutBuffer { Destination = dst, Size = (nuint)destination.Length, Position = 0 };
            while (true)
            {
                var before = (input.Position, output.Position);
                var result = api.DecompressStream(stream, &output, &input);
                consumed = (int)input.Position;
                var hint = ZstdNative.Check(result, "decompress");
                if (hint == 0)
                {
                    frameFinished = true;
                    break;
                }
                if (output.Position == output.Size || before == (input.Position, output.Position))
                    break;
            }
            return (int)output.Position;
        }
    }

    public void Dispose()
    {
        if (stream == 0) return;
        api.FreeDStream(stream);
        stream = 0;
    }
}
