using Miner.Actors.Mining.Submission;
using Miner.Models.Splats;

namespace Miner.Specs.Mining;

public sealed class SpzResultEncoderSpec
{
    [Fact]
    public async Task The_encoder_writes_SPZ_that_reads_back_with_the_same_gaussian_count()
    {
        var cloud = new GaussianCloud(7500, 0);
        for (var i = 0; i < cloud.Count; i++) cloud.Positions[3 * i] = i * 1e-4f;
        var spz = await new SpzResultEncoder().EncodeAsync(cloud, CancellationToken.None);
        Assert.Equal(cloud.Count, SpzReader.Read(spz).Cloud.Count);
    }
}
