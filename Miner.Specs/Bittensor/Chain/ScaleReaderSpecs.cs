using Miner.Models.Bittensor.Chain;
using Miner.Specs.TestKit;

namespace Miner.Specs.Bittensor.Chain;

public sealed class ScaleReaderSpecs
{
    [Theory]
    [InlineData("00", 0UL)]
    [InlineData("04", 1UL)]
    [InlineData("fc", 63UL)]
    [InlineData("0101", 64UL)]
    [InlineData("0110", 1024UL)]
    [InlineData("fdff", 16383UL)]
    [InlineData("02000100", 16384UL)]
    [InlineData("863e9b00", 2543521UL)]
    [InlineData("035c5a6b98", 2557172316UL)]
    [InlineData("0bb06f5e8aae07", 8446227148720UL)]
    [InlineData("13ffffffffffffffff", ulong.MaxValue)]
    public void Compact_integers_decode_in_all_four_modes(string hex, ulong expected)
    {
        var reader = new ScaleReader(Convert.FromHexString(hex));
        Assert.Equal(expected, reader.ReadCompactU64("value"));
        Assert.Equal(0, reader.Remaining);
    }

    [Fact]
    public void A_compact_of_sixteen_bytes_holds_the_largest_u128()
    {
        var reader = new ScaleReader(Convert.FromHexString("33" + new string('f', 32)));
        Assert.Equal(UInt128.MaxValue, reader.ReadCompact("value"));
    }

    [Fact]
    public void A_non_canonical_compact_is_accepted()
    {
        var reader = new ScaleReader(Convert.FromHexString("0500")); // 1 written in the two-byte mode
        Assert.Equal(1UL, reader.ReadCompactU64("value"));
    }

    [Fact]
    public void A_compact_longer_than_128_bits_with_zero_padding_is_accepted()
    {
        var reader = new ScaleReader(Convert.FromHexString("3b" + "2a" + new string('0', 34)));
        Assert.Equal((UInt128)42, reader.ReadCompact("value"));
    }

    [Fact]
    public void A_compact_beyond_128_bits_is_refused()
    {
        var error = Assert.Throws<ScaleDecodeException>(() =>
            new ScaleReader(Convert.FromHexString("3b" + new string('0', 32) + "01" + "00")).ReadCompact("value"));
        Assert.Contains("exceeds 128 bits", error.Message);
    }

    [Fact]
    public void A_compact_too_large_for_u16_is_refused_with_its_offset()
    {
        var error = Assert.Throws<ScaleDecodeException>(() =>
        {
            var reader = new ScaleReader(Convert.FromHexString("00" + "02000400"));
            reader.ReadU8("pad");
            reader.ReadCompactU16("uid");
        });
        Assert.Equal(1, error.Offset);
        Assert.Equal("uid", error.Field);
    }

    [Fact]
    public void Fixed_width_integers_are_little_endian()
    {
        var reader = new ScaleReader(Convert.FromHexString(
            "2a" + "3412" + "78563412" + "2257640000000000" + "6d3bdec0000000000000000000000000"));
        Assert.Equal(0x2a, reader.ReadU8("u8"));
        Assert.Equal(0x1234, reader.ReadU16("u16"));
        Assert.Equal(0x12345678u, reader.ReadU32("u32"));
        Assert.Equal(6575906UL, reader.ReadU64("u64"));
        Assert.Equal((UInt128)3235789677, reader.ReadU128("u128"));
    }

    [Fact]
    public void A_bool_other_than_zero_or_one_is_refused()
    {
        var error = Assert.Throws<ScaleDecodeException>(() => new ScaleReader([2]).ReadBool("active"));
        Assert.Contains("0x02", error.Message);
    }

    [Theory]
    [InlineData("00", null)]
    [InlineData("0100", false)]
    [InlineData("0101", true)]
    public void An_option_bool_takes_a_tag_byte_and_a_value_byte(string hex, bool? expected)
    {
        var reader = new ScaleReader(Convert.FromHexString(hex));
        Assert.Equal(expected, reader.ReadOptionBool("flag"));
        Assert.Equal(0, reader.Remaining);
    }

    [Fact]
    public void An_option_tag_other_than_zero_or_one_is_refused()
    {
        Assert.Throws<ScaleDecodeException>(() => new ScaleReader([2, 1]).ReadOptionBool("flag"));
    }

    [Fact]
    public void A_fixed_array_has_no_length_prefix()
    {
        var reader = new ScaleReader([1, 2, 3, 4]);
        Assert.Equal(new byte[] { 1, 2, 3 }, reader.ReadFixed("array", 3).ToArray());
        Assert.Equal(1, reader.Remaining);
    }

    [Fact]
    public void An_account_id_is_32_raw_bytes()
    {
        var bytes = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var reader = new ScaleReader(bytes);
        Assert.Equal(bytes, reader.ReadAccountId("hotkey").ToArray());
    }

    [Fact]
    public void A_byte_vector_is_a_compact_count_then_the_bytes()
    {
        var reader = new ScaleReader(Convert.FromHexString("0cabcdef"));
        Assert.Equal(new byte[] { 0xab, 0xcd, 0xef }, reader.ReadBytes("data").ToArray());
    }

    [Fact]
    public void A_vector_reads_each_element_in_order()
    {
        var reader = new ScaleReader(Convert.FromHexString("0c" + "04" + "08" + "0101"));
        var values = reader.ReadVec("values", 1, static (ref ScaleReader r) => r.ReadCompactU64(ScaleReader.Element));
        Assert.Equal(new ulong[] { 1, 2, 64 }, values);
    }

    [Fact]
    public void A_vector_claiming_2_pow_30_elements_in_200_bytes_fails_before_allocating()
    {
        var input = new byte[200];
        Convert.FromHexString("0300000040").CopyTo(input, 0); // big-integer mode: 2^30
        var error = Assert.Throws<ScaleDecodeException>(() =>
            new ScaleReader(input).ReadVec("hotkeys", 32, static (ref ScaleReader r) => r.ReadAccountId(ScaleReader.Element)));
        Assert.Equal("hotkeys", error.Field);
        Assert.Equal(0, error.Offset);
        Assert.Contains("1073741824 elements", error.Message);
    }

    [Fact]
    public void A_neuron_list_claiming_2_pow_30_entries_with_10_bytes_left_fails_before_allocating()
    {
        byte[] payload = [.. Convert.FromHexString("0300000040"), .. new byte[10]]; // compact 2^30, then 10 bytes
        ScaleDecodeException? error = null;
        var allocated = SpecialFiles.AllocatedBy(() =>
            error = Assert.Throws<ScaleDecodeException>(() => RuntimeApiDecoders.NeuronsLite(payload)));
        Assert.Equal("neurons", error!.Field);
        Assert.Contains("declares 1073741824 elements", error.Message);
        Assert.Contains("only 10 bytes left", error.Message);
        Assert.True(allocated < 1 << 20, $"{allocated} bytes allocated");
    }

    [Fact]
    public void A_truncated_field_names_its_path_offset_and_shortfall()
    {
        var input = Convert.FromHexString("08" + "04" + "0401");
        var error = Assert.Throws<ScaleDecodeException>(() =>
        {
            var reader = new ScaleReader(input);
            reader.ReadVec("neurons", 1, static (ref ScaleReader r) =>
            {
                r.Enter("axon_info");
                var value = r.ReadU16("port");
                r.Leave();
                return value;
            });
        });
        Assert.Equal("neurons[1].axon_info.port at offset 3: need 2 bytes, 1 left", error.Message);
    }

    [Fact]
    public void Leftover_bytes_are_reported_at_the_end_check()
    {
        var error = Assert.Throws<ScaleDecodeException>(() =>
        {
            var reader = new ScaleReader([4, 0, 0]);
            reader.ReadCompact("value");
            reader.ExpectEnd("payload");
        });
        Assert.Equal(1, error.Offset);
        Assert.Contains("2 bytes left over", error.Message);
    }

    [Fact]
    public void Offsets_include_the_base_offset_of_a_slice()
    {
        var error = Assert.Throws<ScaleDecodeException>(() => new ScaleReader([], baseOffset: 40).ReadU32("version"));
        Assert.Equal(40, error.Offset);
    }
}
