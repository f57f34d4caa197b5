using System.Buffers;

namespace Miner.Models.Splats;

/// <summary>A growable window over a stream that knows the absolute offset of every byte it hands out.</summary>
internal sealed class ByteSource : IDisposable
{
    private readonly Stream stream;
    private byte[] buffer;
    private int start;
    private int end;
    private long bufferOffset;
    private bool endOfStream;

    public ByteSource(Stream stream, int capacity)
    {
        this.stream = stream;
        buffer = ArrayPool<byte>.Shared.Rent(capacity);
    }

    /// <summary>Absolute offset of the first available byte.</summary>
    public long Position => bufferOffset + start;

    public int Count => end - start;

    public ReadOnlySpan<byte> Available => buffer.AsSpan(start, end - start);

    public bool EndOfStream => endOfStream && start == end;

    public void Consume(int n) => start += n;

    /// <summary>Reads until at least <paramref name="min"/> bytes are available or the stream ends; returns the count available.</summary>
    public int Fill(int min)
    {
        if (end - start >= min) return end - start;
        if (min > buffer.Length - start)
        {
            var target = min > buffer.Length ? ArrayPool<byte>.Shared.Rent(min) : buffer;
            Buffer.BlockCopy(buffer, start, target, 0, end - start);
            if (!ReferenceEquals(target, buffer)) ArrayPool<byte>.Shared.Return(buffer);
            buffer = target;
            bufferOffset += start;
            end -= start;
            start = 0;
        }
        while (end - start < min && !endOfStream)
        {
            var read = stream.Read(buffer, end, buffer.Length - end);
            if (read == 0) endOfStream = true;
            end += read;
        }
        return end - start;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
    }
}
