using Miner.Models.Splats;

namespace Miner.Specs.Splats;

public sealed class SpzPackingSpecs
{
    /// <summary>A one-splat cloud with neutral values, adjusted by the caller.</summary>
    private static GaussianCloud One(Action<GaussianCloud>? adjust = null, int shDegree = 0)
    {
        var cloud = new GaussianCloud(1, shDegree);
        cloud.Rotations[0] = 1;
        adjust?.Invoke(cloud);
        return cloud;
    }

    private static byte[] Block(byte[] payload, string block, int n = 1, int shDegree = 0) => block switch
    {
        "positions" => payload[16..(16 + 9 * n)],
        "alphas" => payload[(16 + 9 * n)..(16 + 10 * n)],
        "colors" => payload[(16 + 10 * n)..(16 + 13 * n)],
        "scales" => payload[(16 + 13 * n)..(16 + 16 * n)],
        "rotations" => payload[(16 + 16 * n)..(16 + 19 * n)],
        _ => payload[(16 + 19 * n)..],
    };

    [Fact]
    public void The_header_is_version_2_with_12_fractional_bits_and_the_counts()
    {
        var payload = SpzPacker.Pack(SplatSamples.RandomCloud(5, shDegree: 2));
        Assert.Equal(new SpzHeader(0x5053474E, 2, 5, 2, 12, 0, 0), SpzHeader.Read(payload));
        Assert.Equal("NGSP"u8.ToArray(), payload[..4]);
        Assert.Equal(16 + 5 * (19 + 24), payload.Length);
    }

    [Theory]
    [InlineData(0.5f / 4096, 1)]
    [InlineData(-0.5f / 4096, -1)]
    [InlineData(1.5f / 4096, 2)]
    [InlineData(-2.5f / 4096, -3)]
    [InlineData(-2048f, -8_388_608)]
    [InlineData(2047.9997f, 8_388_607)]
    public void Positions_pack_as_24_bit_fixed_point_rounding_half_away_from_zero(float position, int expected)
    {
        var bytes = Block(SpzPacker.Pack(One(c => c.Positions[1] = position)), "positions");
        Assert.Equal(expected & 0xFFFFFF, bytes[3] | bytes[4] << 8 | bytes[5] << 16);
    }

    [Fact]
    public void A_position_outside_the_24_bit_range_is_refused_naming_the_splat()
    {
        var cloud = SplatSamples.RandomCloud(10);
        cloud.Positions[3 * 7 + 2] = 2048f;
        var error = Assert.Throws<ArgumentException>(() => SpzPacker.Pack(cloud));
        Assert.Contains("splat 7", error.Message);
        Assert.Contains("position z", error.Message);
    }

    [Theory]
    [InlineData(float.PositiveInfinity, 255)]
    [InlineData(float.NegativeInfinity, 0)]
    [InlineData(0f, 128)]
    [InlineData(-6.2324f, 1)]
    [InlineData(-6.25f, 0)]
    public void Alpha_bytes_are_the_rounded_sigmoid_with_the_infinities_at_the_ends(float logit, byte expected) =>
        Assert.Equal(expected, Block(SpzPacker.Pack(One(c => c.Opacities[0] = logit)), "alphas")[0]);

    [Theory]
    [InlineData(0f, 128)]
    [InlineData(1f, 166)]
    [InlineData(-1f, 89)]
    [InlineData(3.4f, 255)]
    [InlineData(-4f, 0)]
    public void Colours_pack_as_f_dc_times_38_25_plus_127_5(float dc, byte expected) =>
        Assert.Equal(expected, Block(SpzPacker.Pack(One(c => c.ShDc[2] = dc)), "colors")[2]);

    [Theory]
    [InlineData(-10f, 0)]
    [InlineData(-7f, 48)]
    [InlineData(-3.5625f, 103)]
    [InlineData(5.9375f, 255)]
    [InlineData(9f, 255)]
    [InlineData(-12f, 0)]
    [InlineData(float.NegativeInfinity, 0)]
    public void Log_scales_pack_as_s_plus_10_times_16(float logScale, byte expected) =>
        Assert.Equal(expected, Block(SpzPacker.Pack(One(c => c.Scales[1] = logScale)), "scales")[1]);

    [Fact]
    public void Rotations_are_normalised_made_w_positive_and_stored_as_x_y_z()
    {
        var bytes = Block(SpzPacker.Pack(One(c => new[] { -1f, 1f, 1f, -1f }.CopyTo(c.Rotations, 0))), "rotations");
        // (w, x, y, z) = (-1, 1, 1, -1) / 2, flipped to (0.5, -0.5, -0.5, 0.5): 127.5 -+ 63.75
        Assert.Equal(new byte[] { 64, 64, 191 }, bytes);
    }

    [Fact]
    public void A_zero_quaternion_is_packed_as_the_identity()
    {
        var bytes = Block(SpzPacker.Pack(One(c => Array.Clear(c.Rotations))), "rotations");
        Assert.Equal(new byte[] { 128, 128, 128 }, bytes);
    }

    [Fact]
    public void Sh_band_1_keeps_5_bits_and_higher_bands_4_bits()
    {
        var cloud = One(c => c.ShRest.AsSpan().Fill(0.2f), shDegree: 2);
        var sh = Block(SpzPacker.Pack(cloud), "sh");
        // round(0.2 * 128) + 128 = 154: bucket 8 gives 152, bucket 16 gives 160
        Assert.Equal(Enumerable.Repeat((byte)152, 9).Concat(Enumerable.Repeat((byte)160, 15)), sh);
    }

    [Fact]
    public void Sh_coefficients_are_reordered_from_channel_major_to_coefficient_major()
    {
        // f_rest_{c*3 + j} = c * 0.25 + j * 0.0625 - 0.25, chosen to land on distinct band-1 buckets
        var cloud = One(c =>
        {
            for (var channel = 0; channel < 3; channel++)
                for (var j = 0; j < 3; j++) c.ShRest[channel * 3 + j] = channel * 0.25f + j * 0.0625f - 0.25f;
        }, shDegree: 1);
        var sh = Block(SpzPacker.Pack(cloud), "sh");
        for (var j = 0; j < 3; j++)
            for (var channel = 0; channel < 3; channel++)
                Assert.Equal(SpecQuantisation.Sh(channel * 0.25f + j * 0.0625f - 0.25f, 8), sh[3 * j + channel]);
    }

    [Theory]
    [InlineData(1.5f, 8, 255)]
    [InlineData(-1.5f, 8, 0)]
    [InlineData(-1.02f, 16, 0)]
    [InlineData(0f, 16, 128)]
    public void Sh_values_clamp_to_a_byte(float value, int bucket, byte expected)
    {
        var degree = bucket == 8 ? 1 : 2;
        var cloud = One(c => c.ShRest.AsSpan().Fill(value), degree);
        Assert.Equal(expected, Block(SpzPacker.Pack(cloud), "sh")[bucket == 8 ? 0 : 9]);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("f_dc_1")]
    [InlineData("opacity")]
    [InlineData("scale_2")]
    [InlineData("rot_3")]
    [InlineData("f_rest_4")]
    public void A_NaN_is_refused_naming_the_splat_and_attribute(string attribute)
    {
        var cloud = SplatSamples.RandomCloud(20, shDegree: 1);
        switch (attribute)
        {
            case "x": cloud.Positions[3 * 11] = float.NaN; break;
            case "f_dc_1": cloud.ShDc[3 * 11 + 1] = float.NaN; break;
            case "opacity": cloud.Opacities[11] = float.NaN; break;
            case "scale_2": cloud.Scales[3 * 11 + 2] = float.NaN; break;
            case "rot_3": cloud.Rotations[4 * 11 + 3] = float.NaN; break;
            default: cloud.ShRest[9 * 11 + 4] = float.NaN; break;
        }
        var error = Assert.Throws<ArgumentException>(() => SpzPacker.Pack(cloud));
        Assert.Contains("splat 11", error.Message);
        Assert.Contains(attribute == "x" ? "position x" : attribute, error.Message);
    }

    [Fact]
    public void An_infinite_rotation_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => SpzPacker.Pack(One(c => c.Rotations[2] = float.PositiveInfinity)));
        Assert.Contains("rot_2", error.Message);
    }

    [Fact]
    public void An_empty_cloud_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => SpzPacker.Pack(new GaussianCloud(0, 0)));
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void Parallel_and_single_threaded_packing_give_the_same_bytes()
    {
        var cloud = SplatSamples.RandomCloud(200_000, shDegree: 1);
        Assert.Equal(SpzPacker.Pack(cloud, threads: 1), SpzPacker.Pack(cloud, threads: 4));
    }
}
