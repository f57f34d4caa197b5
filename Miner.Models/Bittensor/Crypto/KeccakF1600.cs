using System.Buffers.Binary;

namespace Miner.Models.Bittensor.Crypto;

/// <summary>
/// The Keccak-f[1600] permutation of FIPS 202 (24 rounds of theta, rho, pi, chi, iota) over a
/// 200-byte state read as 25 little-endian lanes, lane index x + 5y. STROBE is built on it.
/// </summary>
public static class KeccakF1600
{
    public const int StateBytes = 200;
    private const int Rounds = 24;

    // Derived from the FIPS 202 definitions instead of typed-in tables, so a typo cannot hide.
    private static readonly ulong[] RoundConstants = ComputeRoundConstants();
    private static readonly int[] RhoOffsets = ComputeRhoOffsets();

    /// <summary>Permutes a 200-byte state in place.</summary>
    public static void Permute(Span<byte> state)
    {
        if (state.Length != StateBytes)
            throw new ArgumentException($"Keccak-f[1600] state must be {StateBytes} bytes, got {state.Length}", nameof(state));
        Span<ulong> a = stackalloc ulong[25];
        for (var i = 0; i < 25; i++) a[i] = BinaryPrimitives.ReadUInt64LittleEndian(state[(8 * i)..]);
        Permute(a);
        for (var i = 0; i < 25; i++) BinaryPrimitives.WriteUInt64LittleEndian(state[(8 * i)..], a[i]);
    }

    private static void Permute(Span<ulong> a)
    {
        Span<ulong> b = stackalloc ulong[25];
        Span<ulong> c = stackalloc ulong[5];
        for (var round = 0; round < Rounds; round++)
        {
            // theta
            for (var x = 0; x < 5; x++) c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
            for (var x = 0; x < 5; x++)
            {
                var d = c[(x + 4) % 5] ^ ulong.RotateLeft(c[(x + 1) % 5], 1);
                for (var y = 0; y < 25; y += 5) a[x + y] ^= d;
            }
            // rho and pi: lane (x, y) moves to (y, 2x + 3y)
            for (var x = 0; x < 5; x++)
                for (var y = 0; y < 5; y++)
                    b[y + 5 * ((2 * x + 3 * y) % 5)] = ulong.RotateLeft(a[x + 5 * y], RhoOffsets[x + 5 * y]);
            // chi
            for (var y = 0; y < 25; y += 5)
                for (var x = 0; x < 5; x++)
                    a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
            // iota
            a[0] ^= RoundConstants[round];
        }
    }

    private static int[] ComputeRhoOffsets()
    {
        var offsets = new int[25];
        int x = 1, y = 0;
        for (var t = 0; t < 24; t++)
        {
            offsets[x + 5 * y] = (t + 1) * (t + 2) / 2 % 64;
            (x, y) = (y, (2 * x + 3 * y) % 5);
        }
        return offsets;
    }

    private static ulong[] ComputeRoundConstants()
    {
        var constants = new ulong[Rounds];
        for (var round = 0; round < Rounds; round++)
            for (var j = 0; j <= 6; j++)
                if (Rc(j + 7 * round)) constants[round] |= 1UL << ((1 << j) - 1);
        return constants;
    }

    // The LFSR x^8 + x^6 + x^5 + x^4 + 1 of FIPS 202 algorithm 5.
    private static bool Rc(int t)
    {
        if (t % 255 == 0) return true;
        var r = 1;
        for (var i = 1; i <= t % 255; i++)
        {
            r <<= 1;
            if ((r & 0x100) != 0) r ^= 0x171;
        }
        return (r & 1) != 0;
    }
}
