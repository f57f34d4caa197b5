using Miner.Host.Devnet;
using Miner.Models.Imaging;
using Miner.Models.Protocol;

namespace Miner.Specs.Devnet;

/// <summary>The devnet's task stream: bundled prompts, image prompts, mix and reproducibility.</summary>
public sealed class DevnetTaskSourceSpecs
{
    private static readonly DevnetTaskOptions Small = new() { ImageSize = 64, ObjectGaussians = 1000 };

    [Fact]
    public void The_bundled_prompt_list_has_at_least_200_distinct_prompts()
    {
        Assert.True(DevnetPrompts.All.Count >= 200, $"{DevnetPrompts.All.Count} prompts");
        Assert.Equal(DevnetPrompts.All.Count, DevnetPrompts.All.Distinct().Count());
        Assert.All(DevnetPrompts.All, p => Assert.False(string.IsNullOrWhiteSpace(p)));
    }

    [Fact]
    public void Prompt_parsing_skips_comments_blank_lines_and_duplicates()
    {
        Assert.Equal(["a cat", "a dog"], DevnetPrompts.Parse("# header\n a cat \r\n\n a dog\na cat\n"));
    }

    [Fact]
    public void The_same_seed_gives_the_same_tasks()
    {
        var first = new DevnetTaskSource(Small, 42);
        var second = new DevnetTaskSource(Small, 42);
        for (var i = 0; i < 10; i++) Assert.Equal(first.Next().Protocol, second.Next().Protocol);
    }

    [Fact]
    public void Different_seeds_give_different_tasks()
    {
        Assert.NotEqual(new DevnetTaskSource(Small, 1).Next().Protocol.Id, new DevnetTaskSource(Small, 2).Next().Protocol.Id);
    }

    [Fact]
    public void The_mix_follows_the_text_share()
    {
        var source = new DevnetTaskSource(Small, 7);
        var text = Enumerable.Range(0, 100).Count(_ => source.Next().Protocol.Kind == TaskKind.Text);
        Assert.InRange(text, 48, 72);
    }

    [Fact]
    public void An_image_task_carries_a_base64_png_of_the_configured_size_and_keeps_its_object()
    {
        var source = new DevnetTaskSource(new DevnetTaskOptions { TextShare = 0, ImageSize = 64, ObjectGaussians = 1000 }, 3);
        var task = source.Next();
        var image = ImageCodec.Decode(Convert.FromBase64String(task.Protocol.Prompt));
        Assert.Equal((TaskKind.Image, 64, 64), (task.Protocol.Kind, image.Width, image.Height));
        Assert.NotNull(task.Reference);
    }

    [Fact]
    public void A_text_task_draws_its_prompt_from_the_bundled_list()
    {
        var task = new DevnetTaskSource(new DevnetTaskOptions { TextShare = 1 }, 3).Next();
        Assert.Contains(task.Protocol.Prompt, DevnetPrompts.All);
        Assert.Null(task.Reference);
    }
}
