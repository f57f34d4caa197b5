namespace Miner.Models.Imaging;

/// <summary>CRC-32 as the PNG spec defines it (polynomial 0xEDB88320, reflected, inverted); System.IO.Hashing is a package we do not take.</summary>
internal static class PngCrc
{
    private static readonly uint[] Table = BuildTable();

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }

    /// <summary>CRC of the chunk type followed by its data, as stored after each chunk.</summary>
    public static uint Compute(ReadOnlySpan<byte> typeAndData)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in typeAndData) c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }
}
