using Miner.Models.Splats;

namespace Miner.Specs.Splats;

public sealed class CleanWriteSpecs : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("splat-clean-");

    public void Dispose() => directory.Delete(recursive: true);

    private static ActivatedSplats Splats(int count = 4)
    {
        var splats = new ActivatedSplats(count);
        for (var i = 0; i < count; i++)
        {
            splats.Positions[3 * i] = i;
            splats.Colours.AsSpan(3 * i, 3).Fill(0.5f);
            splats.Opacities[i] = 0.5f;
            splats.Scales.AsSpan(3 * i, 3).Fill(0.01f);
            splats.Rotations[4 * i] = 1;
        }
        return splats;
    }

    [Theory]
    [InlineData(1f)]
    [InlineData(0f)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(1.5f)]
    public void Alpha_at_or_beyond_the_ends_becomes_a_finite_clamped_logit(float alpha)
    {
        var splats = Splats(1);
        splats.Opacities[0] = alpha;
        var (cloud, report) = ActivatedSplatEncoder.Encode(splats);
        Assert.True(float.IsFinite(cloud.Opacities[0]));
        Assert.InRange(MathF.Abs(cloud.Opacities[0]), 15.9f, 16.2f);
        Assert.Equal(1, report.OpacitiesClamped);
    }

    [Fact]
    public void A_mid_alpha_becomes_its_logit()
    {
        var splats = Splats(1);
        splats.Opacities[0] = 0.9f;
        Assert.Equal(MathF.Log(9f), ActivatedSplatEncoder.Encode(splats).Cloud.Opacities[0], 5);
    }

    [Fact]
    public void Scales_become_logs_of_clamped_positive_values()
    {
        var splats = Splats(1);
        new[] { 0.01f, 0f, -3f }.CopyTo(splats.Scales, 0);
        var (cloud, report) = ActivatedSplatEncoder.Encode(splats);
        Assert.Equal(MathF.Log(0.01f), cloud.Scales[0], 6);
        Assert.Equal(MathF.Log(1e-7f), cloud.Scales[1], 4);
        Assert.Equal(cloud.Scales[1], cloud.Scales[2]);
        Assert.Equal(2, report.ScalesClamped);
    }

    [Fact]
    public void A_zero_quaternion_is_replaced_by_identity()
    {
        var splats = Splats(1);
        Array.Clear(splats.Rotations);
        var (cloud, report) = ActivatedSplatEncoder.Encode(splats);
        Assert.Equal([1f, 0f, 0f, 0f], cloud.Rotations);
        Assert.Equal(1, report.ZeroRotationsReplaced);
    }

    [Fact]
    public void Quaternions_are_stored_normalised()
    {
        var splats = Splats(1);
        new[] { 0f, 3f, 0f, 4f }.CopyTo(splats.Rotations, 0);
        Assert.Equal([0f, 0.6f, 0f, 0.8f], ActivatedSplatEncoder.Encode(splats).Cloud.Rotations);
    }

    [Fact]
    public void Rgb_colours_become_sh_dc()
    {
        var splats = Splats(1);
        new[] { 0.5f, 1f, 0f }.CopyTo(splats.Colours, 0);
        var cloud = ActivatedSplatEncoder.Encode(splats).Cloud;
        Assert.Equal(0f, cloud.ShDc[0]);
        Assert.Equal(0.5f / GaussianCloud.ShC0, cloud.ShDc[1], 5);
        Assert.Equal(1f, cloud.Rgb(0).Y, 6);
    }

    [Fact]
    public void Rows_with_nan_or_infinite_positions_colours_or_rotations_are_dropped_and_counted()
    {
        var splats = Splats(5);
        splats.Positions[3 * 1 + 2] = float.NaN;
        splats.Colours[3 * 2] = float.PositiveInfinity;
        splats.Rotations[4 * 3 + 1] = float.NegativeInfinity;
        var (cloud, report) = ActivatedSplatEncoder.Encode(splats);
        Assert.Equal(2, cloud.Count);
        Assert.Equal([0f, 4f], new[] { cloud.Positions[0], cloud.Positions[3] });
        Assert.Equal(new RepairReport(5, 2, 3, 0, 0, 0), report);
    }

    [Fact]
    public void The_written_ply_reads_back_bit_for_bit_with_only_finite_values()
    {
        var splats = Splats(1000);
        splats.Opacities.AsSpan(0, 10).Fill(1f);
        splats.Opacities.AsSpan(10, 10).Fill(0f);
        var path = Path.Combine(directory.FullName, "out.ply");
        var report = VerifiedPlyWriter.WriteActivated(path, splats);
        var read = PlyReader.ReadFile(path);
        Assert.Equal(1000, report.Written);
        Assert.Equal(0, CloudStatistics.Compute(read).InfiniteValues);
        Assert.Equal(ActivatedSplatEncoder.Encode(splats).Cloud.Opacities, read.Opacities);
        Assert.Empty(Directory.GetFiles(directory.FullName, "*.tmp-*"));
    }
}
