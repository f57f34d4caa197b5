using Miner.Models.Configuration;
using Miner.Models.Configuration.Hocon;

namespace Miner.Specs.Configuration;

public sealed class DurationAndSizeSpecs
{
    [Theory]
    [InlineData("500ms", 0, 0, 0, 500), InlineData("10s", 0, 0, 10, 0), InlineData("5m", 0, 5, 0, 0), InlineData("1h", 1, 0, 0, 0)]
    [InlineData("2d", 48, 0, 0, 0), InlineData("1.5h", 1, 30, 0, 0), InlineData("30 seconds", 0, 0, 30, 0)]
    [InlineData("2 minutes", 0, 2, 0, 0), InlineData("250 millis", 0, 0, 0, 250), InlineData("00:00:10", 0, 0, 10, 0)]
    [InlineData("1.02:00:00", 26, 0, 0, 0), InlineData("-5s", 0, 0, -5, 0)]
    public void Durations_parse_with_short_and_long_units_and_the_timespan_form(string text, int h, int m, int s, int ms) =>
        Assert.Equal(new TimeSpan(0, h, m, s, ms), HoconDuration.Parse(text));

    [Fact]
    public void Sub_millisecond_durations_parse_to_ticks()
    {
        Assert.Equal(TimeSpan.FromTicks(15), HoconDuration.Parse("1500ns"));
        Assert.Equal(TimeSpan.FromTicks(30), HoconDuration.Parse("3us"));
    }

    [Theory]
    [InlineData("10", "bare number is ambiguous"), InlineData("10 parsecs", "unknown duration unit"), InlineData("", "empty")]
    [InlineData("s", "not a duration"), InlineData("99999999999999999999d", "out of range"), InlineData("1:2:3:4:5", "not a duration")]
    public void Bad_durations_explain_themselves(string text, string reason)
    {
        Assert.False(HoconDuration.TryParse(text, out _));
        Assert.Contains(reason, Assert.Throws<FormatException>(() => HoconDuration.Parse(text)).Message);
    }

    [Theory]
    [InlineData("0s"), InlineData("10s"), InlineData("1500ms"), InlineData("2d"), InlineData("90m"), InlineData("3us"), InlineData("1500ns")]
    public void Formatting_a_duration_round_trips(string text) =>
        Assert.Equal(text, HoconDuration.Format(HoconDuration.Parse(text)));

    [Theory]
    [InlineData("512KiB", 512L * 1024), InlineData("64MiB", 64L << 20), InlineData("1GB", 1_000_000_000L), InlineData("100B", 100L)]
    [InlineData("100", 100L), InlineData("4k", 4096L), InlineData("4K", 4096L), InlineData("2 M", 2L << 20), InlineData("1.5KiB", 1536L)]
    [InlineData("3 kB", 3000L), InlineData("1 gibibyte", 1L << 30), InlineData("2 megabytes", 2_000_000L), InlineData("1Ti", 1L << 40)]
    public void Sizes_parse_binary_and_decimal_units(string text, long bytes) =>
        Assert.Equal(new ByteSize(bytes), ByteSize.Parse(text));

    [Theory]
    [InlineData("-1KiB", "negative"), InlineData("12 parsecs", "unknown size unit"), InlineData("", "not a size")]
    [InlineData("99999999PB", "out of range"), InlineData("KiB", "not a size")]
    public void Bad_sizes_explain_themselves(string text, string reason)
    {
        Assert.False(ByteSize.TryParse(text, out _));
        Assert.Contains(reason, Assert.Throws<FormatException>(() => ByteSize.Parse(text)).Message);
    }

    [Theory]
    [InlineData(0L, "0B"), InlineData(1024L, "1KiB"), InlineData(64L << 20, "64MiB"), InlineData(1_000_000_000L, "1GB"), InlineData(1000L, "1kB"), InlineData(1001L, "1001B")]
    public void Sizes_print_in_the_largest_exact_unit_and_read_back(long bytes, string text)
    {
        Assert.Equal(text, new ByteSize(bytes).ToString());
        Assert.Equal(new ByteSize(bytes), ByteSize.Parse(text));
    }

    [Fact]
    public void Sizes_compare_by_bytes() =>
        Assert.True(ByteSize.Parse("1MiB").CompareTo(ByteSize.Parse("1MB")) > 0);
}
