using System.Buffers.Binary;
using Miner.Models.Splats;

namespace Miner.Specs.Splats;

public sealed class SpzReaderSpecs
{
    private static byte[] Payload(int count = 10, int shDegree = 0) => SpzPacker.Pack(SplatSamples.RandomCloud(count, shDegree));

    private static byte[] Frame(byte[] payload) => ZstdNative.Compress(payload, 1, 0);

    [Fact]
    public void A_written_file_reads_back_to_what_the_unpacker_gives()
    {
        var cloud = SplatSamples.RandomCloud(1000, shDegree: 3);
        var decoded = SpzReader.Read(SpzWriter.Write(cloud));
        var expected = SpzUnpacker.Unpack(SpzPacker.Pack(cloud));
        Assert.Equal(SpzContainer.Zstd, decoded.Container);
        Assert.Equal(expected.Positions, decoded.Cloud.Positions);
        Assert.Equal(expected.Rotations, decoded.Cloud.Rotations);
        Assert.Equal(expected.ShRest, decoded.Cloud.ShRest);
    }

    [Fact]
    public void A_degree_3_cloud_survives_spz_within_the_spec_error_bounds()
    {
        var cloud = SplatSamples.RandomCloud(20_000, shDegree: 3);
        SpzErrorBounds.AssertWithin(cloud, SpzReader.Read(SpzWriter.Write(cloud)).Cloud);
    }

    [Fact]
    public void Unpacking_follows_the_spec_formulas()
    {
        var payload = Payload(1);
        new byte[] { 0x01, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x80 }.CopyTo(payload, 16);
        payload[25] = 0;
        new byte[] { 128, 255, 0 }.CopyTo(payload, 26);
        new byte[] { 0, 48, 255 }.CopyTo(payload, 29);
        new byte[] { 128, 255, 0 }.CopyTo(payload, 32);
        var cloud = SpzUnpacker.Unpack(payload);
        Assert.Equal([1f / 4096, -1f / 4096, -2048f], cloud.Positions);
        Assert.Equal(float.NegativeInfinity, cloud.Opacities[0]);
        Assert.Equal([(128 / 255f - 0.5f) / 0.15f, (1f - 0.5f) / 0.15f, (0f - 0.5f) / 0.15f], cloud.ShDc);
        Assert.Equal([-10f, -7f, 5.9375f], cloud.Scales);
        Assert.Equal(128 / 127.5f - 1, cloud.Rotations[1], 6);
        Assert.Equal(1f, cloud.Rotations[2], 6);
        Assert.Equal(-1f, cloud.Rotations[3], 6);
        Assert.Equal(0f, cloud.Rotations[0]);
    }

    [Fact]
    public void An_alpha_byte_of_255_decodes_to_a_positive_infinite_logit()
    {
        var payload = Payload(1);
        payload[25] = 255;
        Assert.Equal(float.PositiveInfinity, SpzUnpacker.Unpack(payload).Opacities[0]);
    }

    [Fact]
    public void A_version_1_payload_with_float16_positions_is_read()
    {
        var cloud = SplatSamples.RandomCloud(50);
        var decoded = SpzReader.Read(Frame(SpzTestFiles.Version1Payload(cloud))).Cloud;
        for (var k = 0; k < cloud.Positions.Length; k++) Assert.Equal((float)(Half)cloud.Positions[k], decoded.Positions[k]);
        Assert.Equal(SpzUnpacker.Unpack(SpzPacker.Pack(cloud)).Opacities, decoded.Opacities);
    }

    [Fact]
    public void A_niantic_gzip_version_2_file_is_read()
    {
        var payload = Payload(100, shDegree: 1);
        var decoded = SpzReader.Read(SpzTestFiles.Gzip(payload));
        Assert.Equal(SpzContainer.NianticGzip, decoded.Container);
        Assert.Equal(payload, SpzPacker.Pack(decoded.Cloud));
    }

    [Fact]
    public void A_niantic_gzip_version_3_file_with_smallest_three_rotations_is_read()
    {
        var cloud = SplatSamples.RandomCloud(300, shDegree: 1);
        var decoded = SpzReader.Read(SpzTestFiles.Gzip(SpzTestFiles.NianticV3Payload(cloud))).Cloud;
        for (var i = 0; i < cloud.Count; i++)
        {
            var q = cloud.NormalizedRotation(i);
            var dot = q.W * decoded.Rotations[4 * i] + q.X * decoded.Rotations[4 * i + 1]
                + q.Y * decoded.Rotations[4 * i + 2] + q.Z * decoded.Rotations[4 * i + 3];
            Assert.InRange(MathF.Abs(dot), 0.99999f, 1.00001f);
        }
        Assert.Equal(SpzUnpacker.Unpack(SpzPacker.Pack(cloud)).ShRest, decoded.ShRest);
    }

    [Fact]
    public void A_niantic_version_4_file_is_refused_with_a_clear_message()
    {
        var file = new byte[32];
        "NGSP"u8.CopyTo(file);
        file[4] = 4;
        var error = Assert.Throws<SplatFormatException>(() => SpzReader.Read(file));
        Assert.Contains("version 4", error.Message);
    }

    [Fact]
    public void A_version_3_payload_inside_zstd_is_refused_as_pyspz_does()
    {
        var cloud = SplatSamples.RandomCloud(10);
        var error = Assert.Throws<SplatFormatException>(() => SpzReader.Read(Frame(SpzTestFiles.NianticV3Payload(cloud))));
        Assert.Equal("version", error.Property);
        Assert.Equal(4, error.ByteOffset);
    }

    [Fact]
    public void Bytes_after_the_frame_are_refused_at_the_end_of_the_frame()
    {
        var frame = Frame(Payload());
        var error = Assert.Throws<SplatFormatException>(() => SpzReader.Read([.. frame, 0, 0, 0, 0]));
        Assert.Equal(frame.Length, error.ByteOffset);
    }

    [Fact]
    public void A_point_count_larger_than_the_payload_is_refused_naming_the_block()
    {
        var payload = Payload(10);
        BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(8), 1000);
        var error = Assert.Throws<SplatFormatException>(() => SpzReader.Read(Frame(payload)));
        Assert.Contains("1000 points", error.Message);
        Assert.Equal(payload.Length, error.ByteOffset);
    }

    [Fact]
    public void A_short_payload_in_a_frame_without_content_size_names_the_block_where_it_ends()
    {
        var payload = Payload(10)[..(16 + 9 * 10 + 4)];
        var error = Assert.Throws<SplatFormatException>(() => SpzReader.Read(SpzTestFiles.RawZstdFrame(payload, null)));
        Assert.Equal("alphas", error.Property);
        Assert.Equal(payload.Length, error.ByteOffset);
    }

    [Fact]
    public void A_frame_without_content_size_is_read()
    {
        var payload = Payload(300);
        Assert.Equal(payload, SpzPacker.Pack(SpzReader.Read(SpzTestFiles.RawZstdFrame(payload, null)).Cloud));
    }

    [Fact]
    public void An_oversized_declared_content_size_is_refused_before_allocating()
    {
        var error = Assert.Throws<SplatFormatException>(() => SpzReader.Read(SpzTestFiles.RawZstdFrame(Payload(1), 1ul << 40)));
        Assert.Contains("declares 1099511627776 content bytes", error.Message);
    }

    [Fact]
    public void A_frame_holding_less_than_it_declares_is_refused()
    {
        var payload = Payload(10);
        var frame = SpzTestFiles.RawZstdFrame(payload, (ulong)payload.Length + 100);
        var error = Assert.Throws<SplatFormatException>(() => SpzReader.Read(frame));
        Assert.Equal("zstd", error.Format);
        Assert.NotNull(error.ByteOffset);
    }

    [Fact]
    public void A_truncated_frame_is_refused()
    {
        var frame = Frame(Payload(1000));
        var error = Assert.Throws<SplatFormatException>(() => SpzReader.Read(frame[..^10]));
        Assert.Equal("zstd", error.Format);
    }

    [Theory]
    [InlineData(8, 0u, "numPoints")]
    [InlineData(8, 10_000_001u, "numPoints")]
    [InlineData(0, 0x12345678u, "magic")]
    public void A_bad_header_field_is_named(int offset, uint value, string field)
    {
        var payload = Payload();
        BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(offset), value);
        var error = Assert.Throws<SplatFormatException>(() => SpzReader.Read(Frame(payload)));
        Assert.Equal(field, error.Property);
        Assert.Equal(offset, error.ByteOffset);
    }

    [Fact]
    public void An_sh_degree_above_3_is_refused()
    {
        var payload = Payload();
        payload[12] = 4;
        Assert.Equal("shDegree", Assert.Throws<SplatFormatException>(() => SpzReader.Read(Frame(payload))).Property);
    }

    [Fact]
    public void A_file_that_is_neither_zstd_nor_gzip_is_refused_at_offset_0()
    {
        var error = Assert.Throws<SplatFormatException>(() => SpzReader.Read("ply\nformat"u8));
        Assert.Equal(0, error.ByteOffset);
        Assert.Contains("706C790A", error.Message);
    }
}
