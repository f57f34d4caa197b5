using Miner.Models.Splats;
using Miner.Specs.TestKit;

namespace Miner.Specs.Splats;

/// <summary>The real files in ../shared/fixtures/splats, against the figures their README states.</summary>
public sealed class SplatFixtureSpecs
{
    private static string Fixture(string name) => SharedFixtures.Path("splats", name);

    private static (float Min, float Max) Range(float[] values, int stride, int offset)
    {
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        for (var k = offset; k < values.Length; k += stride)
        {
            min = MathF.Min(min, values[k]);
            max = MathF.Max(max, values[k]);
        }
        return (min, max);
    }

    private static void AssertRange(float[] values, int stride, int offset, double min, double max, double tolerance)
    {
        var (actualMin, actualMax) = Range(values, stride, offset);
        Assert.InRange(actualMin, min - tolerance, min + tolerance);
        Assert.InRange(actualMax, max - tolerance, max + tolerance);
    }

    [FixtureFact]
    public void Hamburger_reads_with_the_layout_and_ranges_its_readme_states()
    {
        using var stream = File.OpenRead(Fixture("hamburger.ply"));
        var cloud = PlyReader.Read(stream, out var header);
        Assert.Equal(361, header.Length);
        Assert.Equal(PlyFormat.BinaryLittleEndian, header.Format);
        Assert.Equal(52_709, cloud.Count);
        Assert.Equal(0, cloud.ShDegree);
        AssertRange(cloud.Positions, 3, 0, -0.4792, 0.4792, 1e-4);
        AssertRange(cloud.Positions, 3, 1, -0.3918, 0.4146, 1e-4);
        AssertRange(cloud.Positions, 3, 2, -0.4883, 0.5078, 1e-4);
        AssertRange(cloud.Opacities, 1, 0, -5.29, 7.62, 0.005);
        AssertRange(cloud.Scales, 1, 0, -11.48, -2.41, 0.005);
        AssertRange(cloud.ShDc, 1, 0, -1.75, 1.26, 0.005);
        for (var i = 0; i < cloud.Count; i++)
            Assert.InRange(cloud.NormalizedRotation(i).Length(), 1 - 1e-6, 1 + 1e-6);
    }

    [FixtureFact]
    public void Writing_hamburger_back_reproduces_the_file_byte_for_byte()
    {
        var bytes = File.ReadAllBytes(Fixture("hamburger.ply"));
        Assert.Equal(bytes, PlyWriter.ToBytes(SplatSamples.ReadPly(bytes)));
    }

    [FixtureFact]
    public void Monkey_base64_text_decodes_to_the_ply_its_readme_describes()
    {
        var loaded = SplatFile.Load(Fixture("monkey.encoded.ply"));
        Assert.True(loaded.Base64);
        Assert.Equal(SplatFileKind.Ply, loaded.Kind);
        Assert.Equal(2_691_397, loaded.FileBytes);
        Assert.Equal(361, loaded.PlyHeader!.Length);
        var cloud = loaded.Cloud;
        Assert.Equal(36_039, cloud.Count);
        AssertRange(cloud.Positions, 3, 0, -0.41, 0.40, 0.005);
        AssertRange(cloud.Positions, 3, 1, -0.53, 0.56, 0.005);
        AssertRange(cloud.Positions, 3, 2, -0.27, 0.24, 0.005);
        AssertRange(cloud.Opacities, 1, 0, -5.29, 13.80, 0.005);
        AssertRange(cloud.Scales, 1, 0, -12.77, -3.11, 0.005);
    }

    [FixtureFact]
    public void Robocop_decodes_with_the_header_and_ranges_its_readme_states()
    {
        var decoded = SpzReader.ReadFile(Fixture("robocop.spz"));
        Assert.Equal(new SpzHeader(SpzHeader.ExpectedMagic, 2, 267_776, 0, 12, 0, 0), decoded.Header);
        Assert.Equal(SpzContainer.Zstd, decoded.Container);
        Assert.Equal(5_087_760, decoded.PayloadBytes);
        var cloud = decoded.Cloud;
        AssertRange(cloud.Positions, 3, 0, -0.3159, 0.3296, 1e-4);
        AssertRange(cloud.Positions, 3, 1, -0.4990, 0.4983, 1e-4);
        AssertRange(cloud.Positions, 3, 2, -0.1902, 0.2480, 1e-4);
        Assert.Equal(62_319, cloud.Opacities.Count(float.IsPositiveInfinity));
        Assert.Equal(13, cloud.Opacities.Count(float.IsNegativeInfinity));
        AssertRange(cloud.Scales, 1, 0, 48 / 16.0 - 10, 103 / 16.0 - 10, 0);
        AssertRange(cloud.ShDc, 1, 0, (4 / 255f - 0.5f) / 0.15f, (255 / 255f - 0.5f) / 0.15f, 1e-6);
        for (var i = 0; i < cloud.Count; i++) Assert.True(cloud.Rotations[4 * i] >= 0);
    }

    [FixtureFact]
    public void Robocop_is_one_zstd_frame_declaring_its_payload_size()
    {
        var bytes = File.ReadAllBytes(Fixture("robocop.spz"));
        Assert.Equal(5_087_760ul, ZstdNative.FrameContentSize(bytes));
        Assert.Equal(bytes.Length, ZstdNative.FrameCompressedSize(bytes));
    }

    [FixtureFact]
    public void Repacking_robocop_reproduces_its_payload_byte_for_byte()
    {
        var bytes = File.ReadAllBytes(Fixture("robocop.spz"));
        var payload = new byte[5_087_760];
        ZstdNative.DecompressFrame(bytes, payload);
        Assert.Equal(payload, SpzPacker.Pack(SpzReader.Read(bytes).Cloud));
    }

    [FixtureFact]
    public void Robocop_through_a_ply_file_and_back_keeps_its_payload()
    {
        var directory = Directory.CreateTempSubdirectory("splat-spec-");
        try
        {
            var ply = Path.Combine(directory.FullName, "robocop.ply");
            var spz = Path.Combine(directory.FullName, "robocop.spz");
            SplatFile.Save(ply, SpzReader.ReadFile(Fixture("robocop.spz")).Cloud);
            SplatFile.Save(spz, SplatFile.Load(ply).Cloud);
            var original = SpzReader.ReadFile(Fixture("robocop.spz"));
            Assert.Equal(SpzPacker.Pack(original.Cloud), SpzPacker.Pack(SpzReader.ReadFile(spz).Cloud));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [FixtureFact]
    public void Packing_hamburger_gives_the_bytes_the_spec_formulas_give()
    {
        var cloud = PlyReader.ReadFile(Fixture("hamburger.ply"));
        var n = cloud.Count;
        var payload = SpzPacker.Pack(cloud);
        Assert.Equal(16 + 19 * n, payload.Length);
        var ties = 0;
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < 3; k++)
            {
                var fixedPoint = SpecQuantisation.Position(cloud.Positions[3 * i + k]);
                var at = 16 + 9 * i + 3 * k;
                Assert.Equal(fixedPoint & 0xFFFFFF, payload[at] | payload[at + 1] << 8 | payload[at + 2] << 16);
                ties += Check(SpecQuantisation.Colour(cloud.ShDc[3 * i + k]), payload[16 + 10 * n + 3 * i + k]);
                ties += Check(SpecQuantisation.Scale(cloud.Scales[3 * i + k]), payload[16 + 13 * n + 3 * i + k]);
            }
            ties += Check(SpecQuantisation.Alpha(cloud.Opacities[i]), payload[16 + 9 * n + i]);
            var rotation = SpecQuantisation.Rotation(cloud.Rotations[4 * i], cloud.Rotations[4 * i + 1], cloud.Rotations[4 * i + 2], cloud.Rotations[4 * i + 3]);
            for (var k = 0; k < 3; k++) ties += Check(rotation[k], payload[16 + 16 * n + 3 * i + k]);
        }
        Assert.True(ties < 10, $"{ties} values sat on a rounding tie");
    }

    [FixtureFact]
    public void Hamburger_survives_spz_within_the_spec_error_bounds()
    {
        var cloud = PlyReader.ReadFile(Fixture("hamburger.ply"));
        var decoded = SpzReader.Read(SpzWriter.Write(cloud)).Cloud;
        SpzErrorBounds.AssertWithin(cloud, decoded);
    }

    private static int Check(double exact, byte actual)
    {
        Assert.True(SpecQuantisation.Accepts(exact, actual), $"expected round({exact}) but found {actual}");
        return Math.Clamp(Math.Round(exact, MidpointRounding.AwayFromZero), 0, 255) == actual ? 0 : 1;
    }
}
