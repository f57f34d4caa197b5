using Miner.Models.Bittensor.Chain;

namespace Miner.Specs.Bittensor.Chain;

public sealed class ScaleWriterSpecs
{
    [Theory]
    [InlineData(0UL, "00")]
    [InlineData(1UL, "04")]
    [InlineData(63UL, "fc")]
    [InlineData(64UL, "0101")]
    [InlineData(16383UL, "fdff")]
    [InlineData(16384UL, "02000100")]
    [InlineData(1073741823UL, "feffffff")]
    [InlineData(1073741824UL, "0300000040")]
    [InlineData(2557172316UL, "035c5a6b98")]
    [InlineData(8446227148720UL, "0bb06f5e8aae07")]
    [InlineData(ulong.MaxValue, "13ffffffffffffffff")]
    public void Compact_integers_are_written_in_the_smallest_mode(ulong value, string expected)
    {
        Assert.Equal(expected, Convert.ToHexStringLower(new ScaleWriter().WriteCompact(value).ToArray()));
    }

    [Fact]
    public void Written_compacts_read_back_across_every_mode_boundary()
    {
        UInt128[] values = [0, 63, 64, 16383, 16384, (1UL << 30) - 1, 1UL << 30, uint.MaxValue, (UInt128)ulong.MaxValue + 1, UInt128.MaxValue];
        var writer = new ScaleWriter();
        foreach (var value in values) writer.WriteCompact(value);
        var reader = new ScaleReader(writer.ToArray());
        foreach (var value in values) Assert.Equal(value, reader.ReadCompact("value"));
        Assert.Equal(0, reader.Remaining);
    }

    [Theory]
    [InlineData(17, "1100")]
    [InlineData(1, "0100")]
    [InlineData(23, "1700")]
    public void A_netuid_argument_is_a_little_endian_u16(ushort netuid, string expected)
    {
        Assert.Equal(expected, Convert.ToHexStringLower(new ScaleWriter().WriteU16(netuid).ToArray()));
    }
}
