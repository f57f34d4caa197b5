namespace Miner.Models.Bittensor.Crypto;

/// <summary>
/// A point prepared for addition: (Y+X, Y-X, Z, 2d*T). Z = 1 for table entries normalised to
/// affine form. Selection and negation are constant-time, for secret-indexed table lookups.
/// </summary>
internal readonly struct NielsPoint
{
    public readonly FieldElement YPlusX, YMinusX, Z, T2d;

    public NielsPoint(in FieldElement yPlusX, in FieldElement yMinusX, in FieldElement z, in FieldElement t2d)
    {
        YPlusX = yPlusX; YMinusX = yMinusX; Z = z; T2d = t2d;
    }

    public static NielsPoint Identity => new(FieldElement.One, FieldElement.One, FieldElement.One, FieldElement.Zero);

    /// <summary>Returns <paramref name="b"/> when choice is 1, <paramref name="a"/> when 0.</summary>
    public static NielsPoint Select(in NielsPoint a, in NielsPoint b, ulong choice) => new(
        FieldElement.Select(a.YPlusX, b.YPlusX, choice),
        FieldElement.Select(a.YMinusX, b.YMinusX, choice),
        FieldElement.Select(a.Z, b.Z, choice),
        FieldElement.Select(a.T2d, b.T2d, choice));

    /// <summary>-P swaps Y+X with Y-X and negates T; done under a mask.</summary>
    public static NielsPoint ConditionalNegate(in NielsPoint p, ulong choice) => new(
        FieldElement.Select(p.YPlusX, p.YMinusX, choice),
        FieldElement.Select(p.YMinusX, p.YPlusX, choice),
        p.Z,
        FieldElement.ConditionalNegate(p.T2d, choice));

    /// <summary>
    /// Picks digit * P from table[k - 1] = k * P (k = 1..8) for a digit in [-8, 8], reading every
    /// entry so the memory access pattern does not reveal the digit.
    /// </summary>
    public static NielsPoint SelectMultiple(ReadOnlySpan<NielsPoint> table, sbyte digit)
    {
        var negative = (ulong)((byte)digit >> 7);
        var magnitude = (uint)((digit ^ -(int)negative) + (int)negative);
        var result = Identity;
        for (var k = 1; k <= 8; k++)
            result = Select(result, table[k - 1], ConstantTime.Equal(magnitude, (uint)k));
        return ConditionalNegate(result, negative);
    }
}
