using System.Buffers.Binary;

namespace Miner.Models.Bittensor.Crypto;

/// <summary>
/// Unkeyed BLAKE2b (RFC 7693) with a digest length of 1 to 64 bytes. The length is a parameter
/// of the hash, not a truncation: BLAKE2b-128 is not the first 16 bytes of BLAKE2b-512.
/// SS58 checksums use BLAKE2b-512; substrate's Blake2_128Concat storage hasher uses BLAKE2b-128.
/// </summary>
public static class Blake2b
{
    public const int MaxOutputLength = 64;
    private const int BlockBytes = 128;

    private static readonly ulong[] Iv =
    [
        0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
        0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
    ];

    // Message word schedule for rounds 0..9; rounds 10 and 11 reuse rows 0 and 1.
    private static readonly byte[] Sigma =
    [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
        11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4,
        7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8,
        9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13,
        2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9,
        12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11,
        13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10,
        6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5,
        10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0,
    ];

    public static byte[] Hash(ReadOnlySpan<byte> data, int outputLength = MaxOutputLength)
    {
        var output = new byte[outputLength];
        Hash(data, output);
        return output;
    }

    /// <summary>Hashes <paramref name="data"/> with a digest length equal to <paramref name="output"/>'s length.</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> output)
    {
        if (output.Length is < 1 or > MaxOutputLength)
            throw new ArgumentOutOfRangeException(nameof(output), output.Length, "BLAKE2b digests are 1 to 64 bytes");
        Span<ulong> h = stackalloc ulong[8];
        Iv.CopyTo(h);
        h[0] ^= 0x01010000UL ^ (ulong)output.Length; // depth 1, fanout 1, no key

        Span<byte> block = stackalloc byte[BlockBytes];
        var offset = 0;
        // The last block (even an empty one) is compressed with the final flag, so hold it back.
        while (data.Length - offset > BlockBytes)
        {
            Compress(h, data.Slice(offset, BlockBytes), (UInt128)(offset + BlockBytes), last: false);
            offset += BlockBytes;
        }
        block.Clear();
        data[offset..].CopyTo(block);
        Compress(h, block, (UInt128)data.Length, last: true);

        Span<byte> digest = stackalloc byte[MaxOutputLength];
        for (var i = 0; i < 8; i++) BinaryPrimitives.WriteUInt64LittleEndian(digest[(8 * i)..], h[i]);
        digest[..output.Length].CopyTo(output);
    }

    private static void Compress(Span<ulong> h, ReadOnlySpan<byte> block, UInt128 counter, bool last)
    {
        Span<ulong> m = stackalloc ulong[16];
        for (var i = 0; i < 16; i++) m[i] = BinaryPrimitives.ReadUInt64LittleEndian(block[(8 * i)..]);
        Span<ulong> v = stackalloc ulong[16];
        h.CopyTo(v);
        Iv.CopyTo(v[8..]);
        v[12] ^= (ulong)counter;
        v[13] ^= (ulong)(counter >> 64);
        if (last) v[14] = ~v[14];

        for (var round = 0; round < 12; round++)
        {
            var r = round % 10 * 16;
            G(v, 0, 4, 8, 12, m[Sigma[r]], m[Sigma[r + 1]]);
            G(v, 1, 5, 9, 13, m[Sigma[r + 2]], m[Sigma[r + 3]]);
            G(v, 2, 6, 10, 14, m[Sigma[r + 4]], m[Sigma[r + 5]]);
            G(v, 3, 7, 11, 15, m[Sigma[r + 6]], m[Sigma[r + 7]]);
            G(v, 0, 5, 10, 15, m[Sigma[r + 8]], m[Sigma[r + 9]]);
            G(v, 1, 6, 11, 12, m[Sigma[r + 10]], m[Sigma[r + 11]]);
            G(v, 2, 7, 8, 13, m[Sigma[r + 12]], m[Sigma[r + 13]]);
            G(v, 3, 4, 9, 14, m[Sigma[r + 14]], m[Sigma[r + 15]]);
        }
        for (var i = 0; i < 8; i++) h[i] ^= v[i] ^ v[i + 8];
    }

    private static void G(Span<ulong> v, int a, int b, int c, int d, ulong x, ulong y)
    {
        v[a] = v[a] + v[b] + x;
        v[d] = ulong.RotateRight(v[d] ^ v[a], 32);
        v[c] = v[c] + v[d];
        v[b] = ulong.RotateRight(v[b] ^ v[c], 24);
        v[a] = v[a] + v[b] + y;
        v[d] = ulong.RotateRight(v[d] ^ v[a], 16);
        v[c] = v[c] + v[d];
        v[b] = ulong.RotateRight(v[b] ^ v[c], 63);
    }
}
