using Miner.Models.Configuration.Hocon;

namespace Miner.Specs.Configuration;

public sealed class HoconErrorSpecs
{
    [Fact]
    public void A_nul_character_is_refused_where_it_stands_instead_of_ending_the_file()
    {
        var error = HoconSpecHelpers.Fails("wallet.name = x\n\0wallet.hotkey = y");
        Assert.Equal("test.conf:2:1: NUL character (U+0000): this is not a text file", error.ToString());
    }

    [Fact]
    public void An_unterminated_string_reports_its_line_and_column()
    {
        var error = HoconSpecHelpers.Fails("a = 1\nb = \"open\nc = 2");
        Assert.Equal((2, 5), (error.Line, error.Column));
        Assert.Equal("test.conf", error.FilePath);
        Assert.Equal("test.conf:2:5: unterminated string", error.ToString());
    }

    [Fact]
    public void An_unterminated_triple_quoted_string_reports_where_it_opened()
    {
        var error = HoconSpecHelpers.Fails("a = 1\n  b = \"\"\"never closed\n\n");
        Assert.Equal((2, 7), (error.Line, error.Column));
        Assert.Contains("unterminated triple-quoted string", error.Message);
    }

    [Fact]
    public void A_missing_closing_brace_reports_the_end_of_file()
    {
        var error = HoconSpecHelpers.Fails("a {\n  b = 1\n");
        Assert.Equal((3, 1), (error.Line, error.Column));
        Assert.Equal("test.conf:3:1: expected '}' to close the object opened at 1:3 but found end of file", error.Message);
    }

    [Fact]
    public void A_missing_closing_bracket_reports_the_end_of_file()
    {
        var error = HoconSpecHelpers.Fails("a = [1, 2");
        Assert.Equal((1, 10), (error.Line, error.Column));
        Assert.Contains("expected ']'", error.Reason);
    }

    [Fact]
    public void An_invalid_escape_reports_the_backslash()
    {
        var error = HoconSpecHelpers.Fails("a = \"x\\qy\"");
        Assert.Equal((1, 7), (error.Line, error.Column));
        Assert.Contains("invalid escape", error.Reason);
    }

    [Fact]
    public void A_short_unicode_escape_is_an_error() =>
        Assert.Contains("four hex digits", HoconSpecHelpers.Fails("a = \"\\u12\"").Reason);

    [Fact]
    public void A_key_without_a_value_is_an_error()
    {
        var error = HoconSpecHelpers.Fails("a =\nb = 1");
        Assert.Equal((1, 4), (error.Line, error.Column));
        Assert.Equal("expected a value for 'a' but found end of line", error.Reason);
    }

    [Fact]
    public void A_key_without_a_separator_is_an_error()
    {
        var error = HoconSpecHelpers.Fails("wallet name = x");
        Assert.Equal((1, 8), (error.Line, error.Column));
        Assert.Contains("expected '=', ':' or '{' after key 'wallet'", error.Reason);
    }

    [Theory]
    [InlineData("a..b = 1", 1, 3), InlineData(".a = 1", 1, 1), InlineData("a. = 1", 1, 3)]
    public void An_empty_key_segment_is_an_error(string text, int line, int column)
    {
        var error = HoconSpecHelpers.Fails(text);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("a = 1,, b = 2"), InlineData(", a = 1"), InlineData("a = [1,,2]"), InlineData("a = [,]")]
    public void Doubled_or_leading_commas_are_errors(string text) =>
        Assert.Equal("unexpected ','", HoconSpecHelpers.Fails(text).Reason);

    [Fact]
    public void Two_values_on_one_line_without_a_separator_are_an_error() =>
        Assert.Contains("expected ',' or a new line", HoconSpecHelpers.Fails("a = 1 b = 2").Reason);

    [Fact]
    public void Text_after_a_braced_root_is_an_error() =>
        Assert.Contains("after the root object", HoconSpecHelpers.Fails("{ a = 1 }\nb = 2").Reason);

    [Fact]
    public void A_stray_closing_brace_is_an_error() =>
        Assert.Equal((1, 7), ErrorAt("a = 1 }"));

    [Fact]
    public void A_dollar_sign_outside_a_substitution_is_an_error() =>
        Assert.Contains("quote strings that contain '$'", HoconSpecHelpers.Fails("p = pa$$word").Reason);

    [Fact]
    public void Concatenating_an_object_with_a_string_is_an_error()
    {
        var error = HoconSpecHelpers.Fails("a = foo { x = 1 }");
        Assert.Equal((1, 5), (error.Line, error.Column));
        Assert.Contains("cannot concatenate", error.Reason);
    }

    [Fact]
    public void A_control_character_is_an_error_with_its_code() =>
        Assert.Contains("U+0001", HoconSpecHelpers.Fails("a = \u0001").Message);

    [Fact]
    public void Nesting_deeper_than_the_limit_is_an_error_not_a_stack_overflow()
    {
        var deep = new string('[', 100_000);
        var error = HoconSpecHelpers.Fails("a = " + deep);
        Assert.Contains("nested deeper than 64", error.Reason);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void A_long_dotted_key_counts_towards_the_depth_limit() =>
        Assert.Contains("nested deeper", HoconSpecHelpers.Fails(string.Join('.', Enumerable.Repeat("k", 500)) + " = 1").Reason);

    [Fact]
    public void Input_larger_than_the_limit_is_refused()
    {
        var options = HoconSpecHelpers.Options() with { MaxInputChars = 100 };
        var error = Assert.Throws<HoconException>(() => HoconParser.ParseText(new string('#', 101), "big.conf", options));
        Assert.Equal("big.conf:1:1: input larger than 100 characters", error.Message);
    }

    [Fact]
    public void An_exponential_expansion_of_substitutions_hits_the_node_limit()
    {
        var lines = new List<string> { "l0 = [1, 2, 3, 4]" };
        for (var i = 1; i < 30; i++) lines.Add($"l{i} = [${{l{i - 1}}}, ${{l{i - 1}}}, ${{l{i - 1}}}, ${{l{i - 1}}}]");
        Assert.Contains("more than", HoconSpecHelpers.Fails(string.Join('\n', lines)).Reason);
    }

    [Fact]
    public void Doubling_strings_with_substitutions_hits_the_string_limit()
    {
        var lines = new List<string> { "s0 = abcdefghijklmnop" };
        for (var i = 1; i < 40; i++) lines.Add($"s{i} = ${{s{i - 1}}}${{s{i - 1}}}");
        Assert.Contains("longer than", HoconSpecHelpers.Fails(string.Join('\n', lines)).Reason);
    }

    [Fact]
    public void A_missing_file_is_a_located_error()
    {
        var error = Assert.Throws<HoconException>(() => HoconParser.ParseFile("/nonexistent/miner.conf", HoconSpecHelpers.Options()));
        Assert.Equal("/nonexistent/miner.conf: file not found", error.Message);
    }

    private static (int, int) ErrorAt(string text)
    {
        var error = HoconSpecHelpers.Fails(text);
        return (error.Line, error.Column);
    }
}
