using System.Text;
using Miner.Models.Configuration.Hocon;
using Miner.Specs.TestKit;

namespace Miner.Specs.Configuration;

/// <summary>Hostile configuration: special files as includes, oversized files, and substitutions that multiply.</summary>
public sealed class HoconLimitSpecs : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task A_fifo_include_is_refused_at_once_with_its_location()
    {
        var fifo = SpecialFiles.MakeFifo(Path.Combine(_dir.Path, "pipe.conf"));
        var main = _dir.Write("main.conf", "a = 1\ninclude \"pipe.conf\"");
        var error = await SpecialFiles.WithinAsync(() => Assert.Throws<HoconException>(() => HoconParser.ParseFile(main, HoconSpecHelpers.Options())), fifo);
        Assert.Equal((2, 1), (error.Line, error.Column));
        Assert.EndsWith("pipe.conf' is a FIFO, not a regular file", error.Reason);
    }

    [Fact]
    public async Task Dev_zero_as_an_include_is_refused_with_its_location()
    {
        var main = _dir.Write("main.conf", "a = 1\n  include file(\"/dev/zero\")");
        var error = await SpecialFiles.WithinAsync(() => Assert.Throws<HoconException>(() => HoconParser.ParseFile(main, HoconSpecHelpers.Options())));
        Assert.Equal((2, 3), (error.Line, error.Column));
        Assert.Equal("'/dev/zero' is a character device, not a regular file", error.Reason);
    }

    [Fact]
    public async Task A_fifo_given_as_the_configuration_file_is_refused_at_once()
    {
        var fifo = SpecialFiles.MakeFifo(Path.Combine(_dir.Path, "miner.conf"));
        var error = await SpecialFiles.WithinAsync(() => Assert.Throws<HoconException>(() => HoconParser.ParseFile(fifo, HoconSpecHelpers.Options())), fifo);
        Assert.Equal($"{fifo}: is a FIFO, not a regular file", error.Message);
    }

    [Fact]
    public void A_file_over_the_character_limit_is_refused_while_reading()
    {
        var path = _dir.Write("big.conf", "a = " + new string('x', 1000));
        var options = HoconSpecHelpers.Options() with { MaxInputChars = 100 };
        var error = Assert.Throws<HoconException>(() => HoconParser.ParseFile(path, options));
        Assert.Equal($"{path}: is larger than 100 characters", error.Message);
    }

    [Fact]
    public void Including_one_file_many_times_hits_the_total_character_limit()
    {
        _dir.Write("part.conf", "b = " + new string('x', 296));
        var main = _dir.Write("main.conf", string.Join('\n', Enumerable.Repeat("include \"part.conf\"", 5)));
        var options = HoconSpecHelpers.Options() with { MaxTotalInputChars = 1000 };
        var error = Assert.Throws<HoconException>(() => HoconParser.ParseFile(main, options));
        Assert.Equal((4, 1), (error.Line, error.Column));
        Assert.Equal("more than 1000 characters read (includes counted)", error.Reason);
    }

    [Fact]
    public async Task A_billion_laughs_of_strings_is_refused_quickly()
    {
        var lines = new List<string> { "l0 = lol" };
        for (var i = 1; i < 10; i++) lines.Add($"l{i} = " + string.Concat(Enumerable.Repeat($"${{l{i - 1}}}", 10)));
        var error = await SpecialFiles.WithinAsync(() => HoconSpecHelpers.Fails(string.Join('\n', lines)));
        Assert.Equal("concatenated string longer than 1000000 characters", error.Reason);
    }

    [Fact]
    public async Task A_billion_laughs_of_arrays_is_refused_before_the_items_are_copied()
    {
        var text = "a = [" + string.Join(',', Enumerable.Repeat('1', 100_000)) + "]\n"
                   + "b = " + string.Join(' ', Enumerable.Repeat("${a}", 1000));
        HoconException? error = null;
        var allocated = await SpecialFiles.WithinAsync(() => SpecialFiles.AllocatedBy(() => error = HoconSpecHelpers.Fails(text)));
        Assert.Equal("concatenations and merges build more than 1000000 values in all", error!.Reason);
        Assert.True(allocated < 256L << 20, $"{allocated} bytes allocated");
    }

    [Fact]
    public void A_chain_of_object_merges_is_refused_by_the_budget_of_built_values()
    {
        var text = "o { " + string.Join(", ", Enumerable.Range(0, 5_000).Select(k => $"k{k} = 1")) + " }\n"
                   + "p = " + string.Join(' ', Enumerable.Repeat("${o}", 100));
        var options = HoconSpecHelpers.Options() with { MaxNodes = 50_000 };
        var error = Assert.Throws<HoconException>(() => HoconParser.ParseText(text, "test.conf", options));
        Assert.Equal("concatenations and merges build more than 50000 values in all", error.Reason);
    }

    [Fact]
    public async Task Many_fields_repeating_a_long_string_are_refused_before_they_are_all_built()
    {
        var text = new StringBuilder("s = \"").Append('x', 900_000).Append("\"\n");
        for (var i = 0; i < 200; i++) text.Append($"f{i} = ${{s}}!\n");
        HoconException? error = null;
        var allocated = await SpecialFiles.WithinAsync(() => SpecialFiles.AllocatedBy(() => error = HoconSpecHelpers.Fails(text.ToString())));
        Assert.Equal("concatenations build more than 16777216 characters in all", error!.Reason);
        Assert.True(allocated < 512L << 20, $"{allocated} bytes allocated");
    }

    [Fact]
    public void An_array_repeating_a_long_string_is_refused_by_its_resolved_size()
    {
        var text = "s = \"" + new string('x', 900_000) + "\"\na = [" + string.Join(", ", Enumerable.Repeat("${s}", 100)) + "]";
        Assert.Equal("configuration expands to more than 16777216 characters", HoconSpecHelpers.Fails(text).Reason);
    }

    public void Dispose() => _dir.Dispose();
}
