namespace Miner.Models.Bittensor.Crypto;

/// <summary>
/// Multiples k * 16^i * B (k = 1..8, i = 0..63) in affine Niels form, so s * B is 64 additions
/// with constant-time table selection and no doublings. Built once, on first use (a few ms).
/// </summary>
internal static class BasepointTable
{
    private static readonly NielsPoint[] Table = Build();

    public static EdwardsPoint Multiply(in Scalar25519 s)
    {
        Span<sbyte> digits = stackalloc sbyte[64];
        s.ToRadix16(digits);
        var table = Table.AsSpan();
        var q = EdwardsPoint.Identity;
        for (var i = 0; i < 64; i++)
            q += NielsPoint.SelectMultiple(table.Slice(8 * i, 8), digits[i]);
        digits.Clear();
        return q;
    }

    private static NielsPoint[] Build()
    {
        var table = new NielsPoint[64 * 8];
        var power = EdwardsPoint.Basepoint;
        for (var i = 0; i < 64; i++)
        {
            var multiple = power;
            for (var k = 0; k < 8; k++)
            {
                table[8 * i + k] = multiple.ToAffineNiels();
                multiple += power;
            }
            // multiple is now 9 * power; 16 * power is the next row's base.
            power = power.Double().Double().Double().Double();
        }
        return table;
    }
}
