using System.Buffers.Binary;
using System.IO.Compression;
using Miner.Models.Splats;

namespace Miner.Specs.Splats;

/// <summary>Hand-made SPZ containers: raw zstd frames, Niantic gzip v2/v3, and v1 payloads.</summary>
internal static class SpzTestFiles
{
    /// <summary>A zstd frame of raw blocks; content size written only when <paramref name="declaredSize"/> is given.</summary>
    public static byte[] RawZstdFrame(byte[] content, ulong? declaredSize)
    {
        using var frame = new MemoryStream();
        frame.Write([0x28, 0xB5, 0x2F, 0xFD]);
        if (declaredSize is { } size)
        {
            frame.WriteByte(0xE0); // 8-byte content size, single segment
            Span<byte> field = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(field, size);
            frame.Write(field);
        }
        else
        {
            frame.WriteByte(0x00);
            frame.WriteByte(0x58); // window log 21 (2 MiB)
        }
        var offset = 0;
        do
        {
            var length = Math.Min(content.Length - offset, 128 * 1024);
            var last = offset + length == content.Length ? 1 : 0;
            var header = last | length << 3;
            frame.Write([(byte)header, (byte)(header >> 8), (byte)(header >> 16)]);
            frame.Write(content, offset, length);
            offset += length;
        } while (offset < content.Length);
        return frame.ToArray();
    }

    /// <summary>
    /// A zstd bomb: <paramref name="head"/> in a raw block, then <paramref name="zeros"/> bytes of zeros as RLE blocks
    /// of 128 KiB (4 bytes each, so 1 GiB takes 32 KiB); content size declared only when <paramref name="declaredSize"/> is given.
    /// </summary>
    public static byte[] RleZstdBomb(byte[] head, long zeros, ulong? declaredSize = null)
    {
        using var frame = new MemoryStream();
        frame.Write([0x28, 0xB5, 0x2F, 0xFD]);
        if (declaredSize is { } size)
        {
            frame.WriteByte(0xC0); // 8-byte content size, not single segment: the window descriptor follows
            frame.WriteByte(0x38); // window log 17 (128 KiB)
            Span<byte> field = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(field, size);
            frame.Write(field);
        }
        else
        {
            frame.WriteByte(0x00);
            frame.WriteByte(0x38);
        }
        var raw = head.Length << 3; // raw block, not last
        frame.Write([(byte)raw, (byte)(raw >> 8), (byte)(raw >> 16)]);
        frame.Write(head);
        const int block = 128 * 1024;
        for (var left = zeros; left > 0; left -= block)
        {
            var length = (int)Math.Min(block, left);
            var header = (left == length ? 1 : 0) | 1 << 1 | length << 3; // RLE block
            frame.Write([(byte)header, (byte)(header >> 8), (byte)(header >> 16), 0]);
        }
        return frame.ToArray();
    }

    /// <summary>A 16-byte v2 SPZ header declaring <paramref name="points"/> points.</summary>
    public static byte[] Header(uint points, byte shDegree)
    {
        var header = new byte[SpzHeader.Size];
        new SpzHeader(SpzHeader.ExpectedMagic, 2, points, shDegree, 12, 0, 0).Write(header);
        return header;
    }

    public static byte[] Gzip(byte[] payload)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(payload);
        return memory.ToArray();
    }

    /// <summary>The v2 payload rewritten as Niantic v3: version 3 and four-byte smallest-three rotations.</summary>
    public static byte[] NianticV3Payload(GaussianCloud cloud)
    {
        var v2 = SpzPacker.Pack(cloud);
        var n = cloud.Count;
        var v3 = new byte[v2.Length + n];
        v2.AsSpan(0, 16 + 16 * n).CopyTo(v3);
        BinaryPrimitives.WriteUInt32LittleEndian(v3.AsSpan(4), 3);
        for (var i = 0; i < n; i++)
        {
            var q = cloud.NormalizedRotation(i);
            BinaryPrimitives.WriteUInt32LittleEndian(v3.AsSpan(16 + 16 * n + 4 * i), SmallestThree([q.X, q.Y, q.Z, q.W]));
        }
        v2.AsSpan(16 + 19 * n).CopyTo(v3.AsSpan(16 + 20 * n));
        return v3;
    }

    /// <summary>The v2 payload rewritten as v1: float16 positions.</summary>
    public static byte[] Version1Payload(GaussianCloud cloud)
    {
        var v2 = SpzPacker.Pack(cloud);
        var n = cloud.Count;
        var v1 = new byte[v2.Length - 3 * n];
        v2.AsSpan(0, 16).CopyTo(v1);
        BinaryPrimitives.WriteUInt32LittleEndian(v1.AsSpan(4), 1);
        for (var k = 0; k < 3 * n; k++)
            BinaryPrimitives.WriteUInt16LittleEndian(v1.AsSpan(16 + 2 * k), BitConverter.HalfToUInt16Bits((Half)cloud.Positions[k]));
        v2.AsSpan(16 + 9 * n).CopyTo(v1.AsSpan(16 + 6 * n));
        return v1;
    }

    private static uint SmallestThree(float[] xyzw)
    {
        var largest = 0;
        for (var k = 1; k < 4; k++) if (MathF.Abs(xyzw[k]) > MathF.Abs(xyzw[largest])) largest = k;
        var sign = xyzw[largest] < 0 ? -1f : 1f;
        uint packed = 0;
        for (var k = 0; k < 4; k++)
        {
            if (k == largest) continue;
            var value = sign * xyzw[k];
            var magnitude = (uint)MathF.Floor(511f * MathF.Abs(value) / MathF.Sqrt(0.5f) + 0.5f);
            packed = packed << 10 | (value < 0 ? 1u << 9 : 0u) | magnitude;
        }
        return packed | (uint)largest << 30;
    }
}
