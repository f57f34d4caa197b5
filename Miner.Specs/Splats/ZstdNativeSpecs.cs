using Miner.Models.Splats;

namespace Miner.Specs.Splats;

public sealed class ZstdNativeSpecs
{
    private static byte[] Sample() => SpzPacker.Pack(SplatSamples.RandomCloud(20_000));

    [Fact]
    public void A_compressed_frame_declares_its_content_size_and_decompresses_to_the_input()
    {
        var data = Sample();
        var frame = ZstdNative.Compress(data, 1, 0);
        Assert.Equal((ulong)data.Length, ZstdNative.FrameContentSize(frame));
        Assert.Equal(frame.Length, ZstdNative.FrameCompressedSize(frame));
        var back = new byte[data.Length];
        Assert.Equal(data.Length, ZstdNative.DecompressFrame(frame, back));
        Assert.Equal(data, back);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Levels_below_1_are_raised_to_1_as_pyspz_does(int level)
    {
        var data = Sample();
        Assert.Equal(ZstdNative.Compress(data, 1, 0), ZstdNative.Compress(data, level, 0));
    }

    [Fact]
    public void Worker_threads_still_produce_one_frame_with_its_content_size()
    {
        var data = Sample();
        var frame = ZstdNative.Compress(data, 3, 2);
        Assert.Equal((ulong)data.Length, ZstdNative.FrameContentSize(frame));
        Assert.Equal(frame.Length, ZstdNative.FrameCompressedSize(frame));
    }

    [Fact]
    public void The_library_reports_its_version()
    {
        Assert.True(ZstdNative.IsAvailable);
        Assert.Matches(@"^1\.\d+\.\d+", ZstdNative.Version);
    }
}
