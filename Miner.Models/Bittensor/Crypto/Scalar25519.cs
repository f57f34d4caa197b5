using System.Buffers.Binary;
using System.Numerics;

namespace Miner.Models.Bittensor.Crypto;

/// <summary>
/// An integer modulo the group order l = 2^252 + 27742317777372353535851937790883648493, kept
/// fully reduced in five 52-bit limbs. Multiplication uses Montgomery reduction; nothing branches
/// or indexes on the value, so secret keys and nonces may flow through it.
/// </summary>
internal readonly struct Scalar25519
{
    private const ulong Mask52 = (1UL << 52) - 1;

    private static readonly BigInteger Order = BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493");
    private static readonly ulong[] L = Limbs(Order);
    // -1/l mod 2^52: the units mod 2^52 have order 2^51, so 1/l = l^(2^51 - 1).
    private static readonly ulong LFactor = (ulong)((BigInteger.One << 52) - BigInteger.ModPow(Order, (BigInteger.One << 51) - 1, BigInteger.One << 52));
    private static readonly Scalar25519 R = new(Limbs(BigInteger.ModPow(2, 260, Order)));
    private static readonly Scalar25519 RR = new(Limbs(BigInteger.ModPow(2, 520, Order)));

    private readonly ulong _l0, _l1, _l2, _l3, _l4;

    private Scalar25519(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4)
    {
        _l0 = l0; _l1 = l1; _l2 = l2; _l3 = l3; _l4 = l4;
    }

    private Scalar25519(ReadOnlySpan<ulong> limbs) : this(limbs[0], limbs[1], limbs[2], limbs[3], limbs[4]) { }

    /// <summary>Reduces a 64-byte little-endian integer mod l (witness and challenge scalars).</summary>
    public static Scalar25519 FromBytesWide(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 64) throw new ArgumentException("wide reduction takes 64 bytes", nameof(bytes));
        Span<ulong> w = stackalloc ulong[8];
        for (var i = 0; i < 8; i++) w[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(8 * i)..]);
        // value = lo + hi * 2^260; lo * R / R = lo and hi * R^2 / R = hi * 2^260 (mod l).
        var lo = new Scalar25519(
            w[0] & Mask52,
            ((w[0] >> 52) | (w[1] << 12)) & Mask52,
            ((w[1] >> 40) | (w[2] << 24)) & Mask52,
            ((w[2] >> 28) | (w[3] << 36)) & Mask52,
            ((w[3] >> 16) | (w[4] << 48)) & Mask52);
        var hi = new Scalar25519(
            (w[4] >> 4) & Mask52,
            ((w[4] >> 56) | (w[5] << 8)) & Mask52,
            ((w[5] >> 44) | (w[6] << 20)) & Mask52,
            ((w[6] >> 32) | (w[7] << 32)) & Mask52,
            w[7] >> 20);
        return MontgomeryMul(lo, R) + MontgomeryMul(hi, RR);
    }

    /// <summary>Reads a 32-byte little-endian integer; returns 0 in <paramref name="isCanonical"/> when it is not below l.</summary>
    public static Scalar25519 FromBytes(ReadOnlySpan<byte> bytes, out ulong isCanonical)
    {
        if (bytes.Length != 32) throw new ArgumentException("a scalar is 32 bytes", nameof(bytes));
        var raw = Unpack(bytes);
        var reduced = MontgomeryMul(raw, R);
        Span<byte> check = stackalloc byte[32];
        reduced.ToBytes(check);
        isCanonical = ConstantTime.Equal(check, bytes);
        return reduced;
    }

    public void ToBytes(Span<byte> output)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(output, _l0 | (_l1 << 52));
        BinaryPrimitives.WriteUInt64LittleEndian(output[8..], (_l1 >> 12) | (_l2 << 40));
        BinaryPrimitives.WriteUInt64LittleEndian(output[16..], (_l2 >> 24) | (_l3 << 28));
        BinaryPrimitives.WriteUInt64LittleEndian(output[24..], (_l3 >> 36) | (_l4 << 16));
    }

    /// <summary>
    /// Signed radix-16 digits d_0..d_63 in [-8, 8] with value = sum d_i 16^i (needs value &lt; 2^255,
    /// true for anything reduced mod l). Arithmetic only, so the digits may be secret.
    /// </summary>
    public void ToRadix16(Span<sbyte> digits)
    {
        Span<byte> bytes = stackalloc byte[32];
        ToBytes(bytes);
        for (var i = 0; i < 32; i++)
        {
            digits[2 * i] = (sbyte)(bytes[i] & 15);
            digits[2 * i + 1] = (sbyte)(bytes[i] >> 4);
        }
        for (var i = 0; i < 63; i++)
        {
            var carry = (sbyte)((digits[i] + 8) >> 4);
            digits[i] -= (sbyte)(carry << 4);
            digits[i + 1] += carry;
        }
        bytes.Clear();
    }

    public static Scalar25519 operator +(in Scalar25519 a, in Scalar25519 b)
    {
        var sum = Carry(a._l0 + b._l0, a._l1 + b._l1, a._l2 + b._l2, a._l3 + b._l3, a._l4 + b._l4);
        return SubtractOrder(sum);
    }

    public static Scalar25519 operator *(in Scalar25519 a, in Scalar25519 b) => MontgomeryMul(MontgomeryMul(a, b), RR);

    // a - b mod l for reduced inputs: subtract with borrow, then add l back under a mask.
    private static Scalar25519 Subtract(in Scalar25519 a, in Scalar25519 b)
    {
        Span<ulong> x = [a._l0, a._l1, a._l2, a._l3, a._l4];
        Span<ulong> y = [b._l0, b._l1, b._l2, b._l3, b._l4];
        Span<ulong> r = stackalloc ulong[5];
        ulong borrow = 0;
        for (var i = 0; i < 5; i++)
        {
            var d = x[i] - y[i] - borrow;
            r[i] = d & Mask52;
            borrow = d >> 63;
        }
        var mask = 0UL - borrow;
        ulong carry = 0;
        for (var i = 0; i < 5; i++)
        {
            var s = r[i] + (L[i] & mask) + carry;
            r[i] = s & Mask52;
            carry = s >> 52;
        }
        return new Scalar25519(r);
    }

    private static Scalar25519 SubtractOrder(in Scalar25519 a) => Subtract(a, new Scalar25519(L));

    private static Scalar25519 MontgomeryMul(in Scalar25519 a, in Scalar25519 b)
    {
        Span<ulong> x = [a._l0, a._l1, a._l2, a._l3, a._l4];
        Span<ulong> y = [b._l0, b._l1, b._l2, b._l3, b._l4];
        Span<UInt128> t = stackalloc UInt128[10];
        for (var i = 0; i < 5; i++)
            for (var j = 0; j < 5; j++)
                t[i + j] += (UInt128)x[i] * y[j];
        // Word-by-word Montgomery: clear the low 52 bits of t[i] with a multiple of l, push the carry up.
        for (var i = 0; i < 5; i++)
        {
            var n = ((ulong)t[i] * LFactor) & Mask52;
            for (var j = 0; j < 5; j++) t[i + j] += (UInt128)n * L[j];
            t[i + 1] += t[i] >> 52;
        }
        Span<ulong> r = stackalloc ulong[5];
        for (var i = 5; i < 9; i++)
        {
            r[i - 5] = (ulong)t[i] & Mask52;
            t[i + 1] += t[i] >> 52;
        }
        r[4] = (ulong)t[9];
        // The result is below 2l; one conditional subtraction makes it canonical.
        return SubtractOrder(new Scalar25519(r));
    }

    private static Scalar25519 Carry(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4)
    {
        l1 += l0 >> 52; l0 &= Mask52;
        l2 += l1 >> 52; l1 &= Mask52;
        l3 += l2 >> 52; l2 &= Mask52;
        l4 += l3 >> 52; l3 &= Mask52;
        return new Scalar25519(l0, l1, l2, l3, l4);
    }

    private static Scalar25519 Unpack(ReadOnlySpan<byte> bytes)
    {
        var w0 = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        var w1 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]);
        var w2 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]);
        var w3 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]);
        return new Scalar25519(
            w0 & Mask52,
            ((w0 >> 52) | (w1 << 12)) & Mask52,
            ((w1 >> 40) | (w2 << 24)) & Mask52,
            ((w2 >> 28) | (w3 << 36)) & Mask52,
            w3 >> 16);
    }

    private static ulong[] Limbs(BigInteger value)
    {
        var limbs = new ulong[5];
        for (var i = 0; i < 5; i++) limbs[i] = (ulong)((value >> (52 * i)) & Mask52);
        return limbs;
    }
}
