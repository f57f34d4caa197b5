using System.Buffers.Binary;
using Miner.Models.Generation;
using Miner.Models.Splats;
using Miner.Specs.Generation.Http;
using Miner.Specs.TestKit;

namespace Miner.Specs.Splats.Activated;

/// <summary>The raw activated-arrays layout: exact round trip, hostile headers and bodies, and over HTTP.</summary>
public sealed class ActivatedSplatsLayoutSpecs
{
    private static ActivatedSplats Sample(int count = 50, int degree = 1, ColourEncoding colours = ColourEncoding.ShDc, int seed = 3)
    {
        var random = new Random(seed);
        var splats = new ActivatedSplats(count, degree, colours);
        foreach (var array in new[] { splats.Positions, splats.Colours, splats.Opacities, splats.Scales, splats.Rotations, splats.ShRest })
            for (var i = 0; i < array.Length; i++) array[i] = (float)random.NextDouble();
        return splats;
    }

    private static void AssertSame(ActivatedSplats expected, ActivatedSplats actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.ShDegree, actual.ShDegree);
        Assert.Equal(expected.ColourEncoding, actual.ColourEncoding);
        Assert.Equal(expected.Positions, actual.Positions);
        Assert.Equal(expected.Colours, actual.Colours);
        Assert.Equal(expected.Opacities, actual.Opacities);
        Assert.Equal(expected.Scales, actual.Scales);
        Assert.Equal(expected.Rotations, actual.Rotations);
        Assert.Equal(expected.ShRest, actual.ShRest);
    }

    [Theory]
    [InlineData(0, ColourEncoding.Rgb)]
    [InlineData(1, ColourEncoding.ShDc)]
    [InlineData(3, ColourEncoding.ShDc)]
    public void Arrays_round_trip_exactly_at_the_documented_length(int degree, ColourEncoding colours)
    {
        var splats = Sample(degree: degree, colours: colours);

        var bytes = ActivatedSplatsWriter.ToBytes(splats);

        Assert.Equal(ActivatedSplatsLayout.ByteLength(splats.Count, degree), bytes.Length);
        Assert.Equal("ASPL"u8.ToArray(), bytes[..4]);
        AssertSame(splats, ActivatedSplatsReader.Read(bytes));
    }

    [Fact]
    public void The_first_position_follows_the_twelve_byte_header_little_endian()
    {
        var splats = Sample();
        splats.Positions[0] = 1.5f;

        var bytes = ActivatedSplatsWriter.ToBytes(splats);

        Assert.Equal(1.5f, BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(12)));
        Assert.Equal(50u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)));
    }

    [Theory]
    [InlineData(0, 0x58, "magic")]
    [InlineData(4, 2, "version")]
    [InlineData(6, 4, "sh degree")]
    [InlineData(7, 2, "colour encoding")]
    public void A_bad_header_field_is_named_with_its_offset(int offset, byte value, string field)
    {
        var bytes = ActivatedSplatsWriter.ToBytes(Sample());
        bytes[offset] = value;

        var error = Assert.Throws<SplatFormatException>(() => ActivatedSplatsReader.Read(bytes));

        Assert.Equal(field, error.Property);
        Assert.Equal(offset, error.ByteOffset);
    }

    [Fact]
    public void A_count_over_the_cap_is_refused_before_allocating()
    {
        var bytes = ActivatedSplatsWriter.ToBytes(Sample());
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), uint.MaxValue);

        var error = Assert.Throws<SplatFormatException>(() => ActivatedSplatsReader.Read(bytes));

        Assert.Equal("count", error.Property);
    }

    [Fact]
    public void A_count_implying_more_than_the_byte_cap_is_refused_on_a_stream()
    {
        using var stream = new NonSeekable(ActivatedSplatsWriter.ToBytes(Sample(count: 1000)));

        var error = Assert.Throws<SplatFormatException>(() => ActivatedSplatsReader.Read(stream, maxBytes: 1024));

        Assert.Contains("over the cap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trailing_bytes_are_refused()
    {
        var bytes = ActivatedSplatsWriter.ToBytes(Sample());
        using var stream = new NonSeekable([.. bytes, 0]);

        Assert.Throws<SplatFormatException>(() => ActivatedSplatsReader.Read(stream));
    }

    [Fact]
    public void Every_truncation_is_a_format_error_naming_where_the_body_ended()
    {
        var bytes = ActivatedSplatsWriter.ToBytes(Sample(count: 7, degree: 2));
        for (var length = 0; length < bytes.Length; length++)
        {
            using var stream = new NonSeekable(bytes[..length]);
            var error = Assert.Throws<SplatFormatException>(() => ActivatedSplatsReader.Read(stream));
            Assert.Equal(length, error.ByteOffset);
        }
    }

    [Fact]
    public void Random_bytes_and_random_corruptions_never_crash()
    {
        var random = new Random(11);
        var good = ActivatedSplatsWriter.ToBytes(Sample(count: 5));
        for (var i = 0; i < 3000; i++)
        {
            byte[] bytes;
            if (i % 2 == 0)
            {
                bytes = new byte[random.Next(64)];
                random.NextBytes(bytes);
                if (i % 4 == 0 && bytes.Length >= 4) "ASPL"u8.CopyTo(bytes);
            }
            else
            {
                bytes = (byte[])good.Clone();
                bytes[random.Next(ActivatedSplatsLayout.HeaderBytes)] = (byte)random.Next(256);
            }
            try
            {
                var splats = ActivatedSplatsReader.Read(bytes);
                Assert.Equal(ActivatedSplatsLayout.ByteLength(splats.Count, splats.ShDegree), bytes.Length);
            }
            catch (SplatFormatException)
            {
            }
        }
    }

    [Fact]
    public async Task The_image_to_3d_client_accepts_activated_arrays_by_content_type()
    {
        var splats = Sample(count: 200);
        await using var server = await LoopbackHttpServer.StartAsync(context =>
            BackendServers.Chunked(context, ActivatedSplatsWriter.ToBytes(splats), ActivatedSplatsLayout.MediaType));

        var got = await new HttpImageTo3DBackend(BackendServers.Http, BackendServers.Options(server)).GenerateAsync(BackendServers.Picture, 1, CancellationToken.None);

        AssertSame(splats, got);
    }

    [Fact]
    public async Task Corrupt_activated_arrays_over_http_are_a_corrupt_failure()
    {
        var bytes = ActivatedSplatsWriter.ToBytes(Sample(count: 200));
        await using var server = await LoopbackHttpServer.StartAsync(context =>
            BackendServers.Reply(context, bytes[..(bytes.Length - 3)], ActivatedSplatsLayout.MediaType));

        var error = await Assert.ThrowsAsync<HttpBackendException>(() =>
            new HttpImageTo3DBackend(BackendServers.Http, BackendServers.Options(server)).GenerateAsync(BackendServers.Picture, 1, CancellationToken.None));

        Assert.Equal(HttpBackendFailure.Corrupt, error.Failure);
    }

    /// <summary>A network-like stream: no length to peek at, so only the layout's own checks apply.</summary>
    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;
    }
}
