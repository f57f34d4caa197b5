using Miner.Models.Generation;
using Miner.Models.Imaging;
using Miner.Models.Splats;

namespace Miner.Specs.Generation.Cpu;

/// <summary>Random images of random sizes: the CPU backends give a result or an <see cref="UnusableImageException"/>, nothing else.</summary>
public sealed class CpuBackendFuzzSpecs
{
    private static readonly CpuBackendOptions SmallBudget = new() { GaussianBudget = 8000 };

    [Fact]
    public async Task Matting_random_images_gives_a_cut_out_or_a_clear_refusal()
    {
        var random = new Random(23);
        var remover = new BorderMattingBackgroundRemover(SmallBudget);
        for (var trial = 0; trial < 40; trial++)
        {
            var image = RandomImage(random);
            try
            {
                var result = await remover.RemoveBackgroundAsync(image, CancellationToken.None);
                Assert.Equal((image.Width, image.Height), (result.Width, result.Height));
            }
            catch (UnusableImageException refusal)
            {
                Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
            }
        }
    }

    [Fact]
    public async Task Inflating_random_images_gives_a_valid_cloud_or_a_clear_refusal()
    {
        var random = new Random(29);
        var inflation = new SilhouetteInflationImageTo3D(SmallBudget);
        for (var trial = 0; trial < 25; trial++)
        {
            var image = RandomImage(random);
            try
            {
                var splats = await inflation.GenerateAsync(image, trial, CancellationToken.None);
                Assert.True(splats.Count >= SmallBudget.GaussianBudget);
                var verdict = ValidatorValidityCheck.CheckAsSubmitted(ActivatedSplatEncoder.Encode(splats).Cloud);
                Assert.True(verdict.IsValid, $"trial {trial} {image.Width}x{image.Height}: " + string.Join("; ", verdict.Failures.Select(f => f.Detail)));
            }
            catch (UnusableImageException refusal)
            {
                Assert.Contains("no silhouette", refusal.Message);
            }
        }
    }

    /// <summary>Noise, blobs, sparse alpha or flat colour, from 1x1 up to 90x90.</summary>
    private static RgbaImage RandomImage(Random random)
    {
        int width = random.Next(1, 90), height = random.Next(1, 90);
        var pixels = new byte[width * height * 4];
        switch (random.Next(4))
        {
            case 0:
                random.NextBytes(pixels);
                break;
            case 1:
                random.NextBytes(pixels);
                for (var i = 3; i < pixels.Length; i += 4) pixels[i] = 255;
                break;
            case 2:
                for (var i = 0; i < pixels.Length; i += 4)
                    (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]) = (200, 200, 200, (byte)(random.Next(50) == 0 ? 255 : 0));
                break;
            default:
                var fill = (byte)random.Next(256);
                for (var i = 0; i < pixels.Length; i += 4)
                {
                    var inBlob = random.Next(3) == 0;
                    (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]) = inBlob ? ((byte)10, fill, (byte)90, (byte)255) : (fill, fill, fill, (byte)255);
                }
                break;
        }
        return new RgbaImage(width, height, pixels);
    }
}
