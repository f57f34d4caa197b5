using Miner.Host.Commands.Generation;
using Miner.Host.Devnet;
using Miner.Models.Generation;
using Miner.Models.Splats;
using Miner.Models.Validation;
using Miner.Specs.TestKit;

namespace Miner.Specs.Cli;

/// <summary>`miner generate`: one task through the CPU fallbacks and the PLY stage, with its files and figures.</summary>
public sealed class GenerateCommandSpecs : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "miner-generate-" + Guid.NewGuid().ToString("N"));
    private readonly GenerateCommand _command = new(new CpuBackendOptions { GaussianBudget = 20_000 }, new SelfValidationOptions(), new SplatOptions());

    public GenerateCommandSpecs() => Directory.CreateDirectory(_dir);

    [Fact]
    public async Task An_image_prompt_writes_ply_spz_and_grid_and_prints_timings_count_and_verdict()
    {
        var png = Path.Combine(_dir, "prompt.png");
        await File.WriteAllBytesAsync(png, ProceduralObjectFactory.Create(new Random(3), 20_000, transparentShare: 1).PromptPng(256));
        var output = new StringWriter();
        var ply = Path.Combine(_dir, "result.ply");

        var code = await _command.RunImageAsync(png, ply, output, new StringWriter());

        Assert.Equal(0, code);
        Assert.Contains("trellis", output.ToString());
        Assert.Contains("gaussians:", output.ToString());
        Assert.Contains("self-validation:", output.ToString());
        Assert.True(PlyReader.ReadFile(ply).Count > 7000);
        Assert.Equal(3, Directory.GetFiles(_dir).Count(f => f != png));
    }

    [Fact]
    public async Task A_text_prompt_without_a_generate_endpoint_is_declined_with_exit_code_2()
    {
        var output = new StringWriter();

        var code = await _command.RunPromptAsync("a red teapot", null, Path.Combine(_dir, "r.ply"), output, new StringWriter());

        Assert.Equal(GenerateCommand.Declined, code);
        Assert.StartsWith("declined:", output.ToString());
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public async Task A_file_that_is_not_a_png_fails_naming_the_file()
    {
        var bad = Path.Combine(_dir, "bad.png");
        await File.WriteAllBytesAsync(bad, [1, 2, 3, 4, 5]);
        var errors = new StringWriter();

        var code = await _command.RunImageAsync(bad, Path.Combine(_dir, "r.ply"), new StringWriter(), errors);

        Assert.Equal(1, code);
        Assert.StartsWith(bad, errors.ToString());
    }

    [Fact]
    public async Task A_fifo_given_as_the_image_is_refused_at_once_with_one_line_naming_it()
    {
        var fifo = SpecialFiles.MakeFifo(Path.Combine(_dir, "prompt.png"));
        var errors = new StringWriter();
        var code = await await SpecialFiles.WithinAsync(() => _command.RunImageAsync(fifo, Path.Combine(_dir, "r.ply"), new StringWriter(), errors), fifo);
        Assert.Equal(1, code);
        Assert.Equal($"{fifo}: is a FIFO, not a regular file", errors.ToString().TrimEnd());
    }

    [Fact]
    public async Task Dev_zero_given_as_the_image_is_refused_with_one_line()
    {
        var errors = new StringWriter();
        var code = await await SpecialFiles.WithinAsync(() => _command.RunImageAsync(SpecialFiles.DevZero, Path.Combine(_dir, "r.ply"), new StringWriter(), errors));
        Assert.Equal(1, code);
        Assert.Equal("/dev/zero: is a character device, not a regular file", errors.ToString().TrimEnd());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
