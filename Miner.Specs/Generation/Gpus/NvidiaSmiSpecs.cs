using Miner.Models.Generation;

namespace Miner.Specs.Generation.Gpus;

/// <summary>nvidia-smi's CSV as hostile input, and its absence as the normal case on CPU machines.</summary>
public sealed class NvidiaSmiSpecs
{
    private const string TwoCards = "0, NVIDIA H200, 143771, 1\n1, NVIDIA GeForce RTX 4090, 24564, 20310\n";

    [Fact]
    public void Each_line_is_a_card_with_its_memory_in_mib()
    {
        var cards = NvidiaSmi.Parse(TwoCards);

        Assert.Equal([new GpuCard(0, "NVIDIA H200", 143771, 1), new GpuCard(1, "NVIDIA GeForce RTX 4090", 24564, 20310)], cards);
    }

    [Fact]
    public void The_output_captured_on_an_h200_host_is_one_card()
    {
        // Captured verbatim from nvidia-smi on the project's H200 device machine.
        var cards = NvidiaSmi.Parse("0, NVIDIA H200, 143771, 0\n");

        Assert.Equal([new GpuCard(0, "NVIDIA H200", 143771, 0)], cards);
    }

    [Fact]
    public void Not_available_memory_is_null_and_blank_lines_and_crlf_are_ignored()
    {
        var cards = NvidiaSmi.Parse("\r\n0, NVIDIA A100, [N/A], [Not Supported]\r\n\r\n");

        Assert.Equal([new GpuCard(0, "NVIDIA A100", null, null)], cards);
    }

    [Fact]
    public void A_name_with_a_comma_is_kept_whole()
    {
        Assert.Equal("Tesla, custom", NvidiaSmi.Parse("3, Tesla, custom, 100, 5").Single().Name);
    }

    [Fact]
    public void Empty_output_is_no_cards()
    {
        Assert.Empty(NvidiaSmi.Parse(""));
    }

    [Theory]
    [InlineData("0, H200, 100", "expected 4 fields")]
    [InlineData("x, H200, 100, 1", "index 'x'")]
    [InlineData("-1, H200, 100, 1", "index '-1'")]
    [InlineData("0, H200, lots, 1", "memory.total 'lots'")]
    [InlineData("0, H200, 100, 1.5", "memory.used '1.5'")]
    [InlineData("0, , 100, 1", "empty name")]
    public void A_malformed_line_names_the_line_and_field(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => NvidiaSmi.Parse("0, ok, 1, 1\n" + text));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_and_truncated_input_parses_or_fails_with_a_format_error()
    {
        var random = new Random(17);
        const string alphabet = "0123456789, \n\r[]N/A-.xé";
        for (var i = 0; i < 3000; i++)
        {
            var text = i % 2 == 0
                ? TwoCards[..random.Next(TwoCards.Length + 1)]
                : new string(Enumerable.Range(0, random.Next(60)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            try
            {
                foreach (var card in NvidiaSmi.Parse(text)) Assert.True(card.Index >= 0 && card.Name.Length > 0);
            }
            catch (FormatException)
            {
            }
        }
    }

    [Fact]
    public async Task Without_nvidia_smi_there_are_no_cards()
    {
        var cards = await NvidiaSmi.QueryAsync(TimeSpan.FromSeconds(10), CancellationToken.None, executable: "/nonexistent/nvidia-smi");

        Assert.Empty(cards);
    }

    [Fact]
    public async Task A_failing_nvidia_smi_is_an_error_quoting_its_stderr()
    {
        if (OperatingSystem.IsWindows()) return; // a shell script stands in for nvidia-smi
        var script = Path.Combine(Path.GetTempPath(), $"fake-nvidia-smi-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(script, "#!/bin/sh\necho 'NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver' >&2\nexit 9\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => NvidiaSmi.QueryAsync(TimeSpan.FromSeconds(10), CancellationToken.None, script));

            Assert.Contains("exited with code 9", error.Message, StringComparison.Ordinal);
            Assert.Contains("could not communicate", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(script);
        }
    }
}
