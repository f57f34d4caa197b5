using Miner.Models.Configuration.Hocon;

namespace Miner.Specs.Configuration;

public sealed class HoconSyntaxSpecs
{
    [Fact]
    public void An_empty_document_is_an_empty_object() =>
        Assert.Empty(HoconSpecHelpers.Parse(""));

    [Fact]
    public void A_document_may_be_wrapped_in_braces() =>
        Assert.Equal("1", HoconSpecHelpers.Parse("{ a = 1 }").Value("a"));

    [Fact]
    public void Equals_colon_and_no_separator_before_a_brace_all_assign()
    {
        var root = HoconSpecHelpers.Parse("a = 1\nb: 2\nc { d = 3 }");
        Assert.Equal("1", root.Value("a"));
        Assert.Equal("2", root.Value("b"));
        Assert.Equal("3", root.Value("c.d"));
    }

    [Fact]
    public void A_dotted_key_creates_nested_objects()
    {
        var root = HoconSpecHelpers.Parse("a.b.c = 1");
        var b = Assert.IsType<HoconObject>(root.Find("a", "b"));
        Assert.Equal("1", Assert.IsType<HoconScalar>(b["c"]).Value);
    }

    [Fact]
    public void A_quoted_key_keeps_its_dot()
    {
        var root = HoconSpecHelpers.Parse("\"a.b\" = 1\n\"x\".y = 2");
        Assert.Equal("1", Assert.IsType<HoconScalar>(root["a.b"]).Value);
        Assert.Equal("2", Assert.IsType<HoconScalar>(root.Find("x", "y")).Value);
    }

    [Fact]
    public void Nested_objects_keep_keys_in_definition_order()
    {
        var root = HoconSpecHelpers.Parse("z = 1\na { y = 2, b = 3 }\nm = 4");
        Assert.Equal(["z", "a", "m"], root.Keys);
        Assert.Equal(["y", "b"], Assert.IsType<HoconObject>(root["a"]).Keys);
    }

    [Fact]
    public void Commas_and_new_lines_both_separate_fields_and_a_trailing_comma_is_allowed()
    {
        var root = HoconSpecHelpers.Parse("a = 1, b = 2,\nc = 3,\n");
        Assert.Equal(["a", "b", "c"], root.Keys);
    }

    [Fact]
    public void Arrays_hold_values_separated_by_commas_or_new_lines()
    {
        var root = HoconSpecHelpers.Parse("a = [1, two, \"three\",\n  { x = 4 }\n  [5]\n]");
        var array = Assert.IsType<HoconArray>(root["a"]);
        Assert.Equal(5, array.Count);
        Assert.Equal("two", Assert.IsType<HoconScalar>(array[1]).Value);
        Assert.IsType<HoconObject>(array[3]);
        Assert.IsType<HoconArray>(array[4]);
    }

    [Fact]
    public void A_quoted_string_decodes_json_escapes() =>
        Assert.Equal("a\"b\\c/\b\f\n\r\té", HoconSpecHelpers.Parse("s = \"a\\\"b\\\\c\\/\\b\\f\\n\\r\\t\\u00e9\"").Value("s"));

    [Fact]
    public void An_unquoted_string_runs_to_the_end_of_the_value()
    {
        var root = HoconSpecHelpers.Parse("a = finney\nb = 10.0.0.1\nc = 00:00:10\nd = http://host:9944/x // comment");
        Assert.Equal("finney", root.Value("a"));
        Assert.Equal("10.0.0.1", root.Value("b"));
        Assert.Equal("00:00:10", root.Value("c"));
        Assert.Equal("http://host:9944/x", root.Value("d"));
    }

    [Fact]
    public void A_triple_quoted_string_is_raw_and_may_span_lines()
    {
        var root = HoconSpecHelpers.Parse("s = \"\"\"line \\n one\n  \"two\"\"\"\"\nnext = 1");
        Assert.Equal("line \\n one\n  \"two\"", root.Value("s"));
        Assert.Equal("1", root.Value("next"));
    }

    [Theory]
    [InlineData("0"), InlineData("17"), InlineData("-5"), InlineData("3.25"), InlineData("1e9"), InlineData("-2.5E-3")]
    public void Numbers_are_recognised_and_keep_their_text(string number)
    {
        var scalar = HoconSpecHelpers.Parse($"n = {number}").Scalar("n");
        Assert.Equal(HoconScalarKind.Number, scalar.Kind);
        Assert.Equal(number, scalar.Text);
    }

    [Theory]
    [InlineData("10s"), InlineData("007"), InlineData("1."), InlineData("\"42\"")]
    public void Text_that_only_looks_numeric_is_a_string(string text) =>
        Assert.Equal(HoconScalarKind.String, HoconSpecHelpers.Parse($"n = {text}").Scalar("n").Kind);

    [Theory]
    [InlineData("true", "true"), InlineData("yes", "true"), InlineData("on", "true")]
    [InlineData("false", "false"), InlineData("no", "false"), InlineData("off", "false")]
    public void Booleans_accept_true_false_yes_no_on_off(string word, string canonical)
    {
        var scalar = HoconSpecHelpers.Parse($"b = {word}").Scalar("b");
        Assert.Equal(HoconScalarKind.Boolean, scalar.Kind);
        Assert.Equal(canonical, scalar.Value);
        Assert.Equal(word, scalar.Text);
    }

    [Fact]
    public void A_quoted_boolean_word_stays_a_string() =>
        Assert.Equal(HoconScalarKind.String, HoconSpecHelpers.Parse("b = \"yes\"").Scalar("b").Kind);

    [Fact]
    public void Null_is_a_null_scalar()
    {
        var scalar = HoconSpecHelpers.Parse("n = null").Scalar("n");
        Assert.True(scalar.IsNull);
        Assert.Null(scalar.Value);
    }

    [Fact]
    public void Hash_and_double_slash_comments_are_ignored()
    {
        var root = HoconSpecHelpers.Parse("# top\na = 1 # trailing\n// whole line\nb = [1, # in array\n 2] // end");
        Assert.Equal(["a", "b"], root.Keys);
        Assert.Equal(2, Assert.IsType<HoconArray>(root["b"]).Count);
    }

    [Fact]
    public void Two_object_definitions_of_one_key_merge_recursively_and_later_wins()
    {
        var root = HoconSpecHelpers.Parse("a { x = 1, y { p = 1, q = 1 } }\na { y { q = 2 }, z = 3 }");
        Assert.Equal("1", root.Value("a.x"));
        Assert.Equal("1", root.Value("a.y.p"));
        Assert.Equal("2", root.Value("a.y.q"));
        Assert.Equal("3", root.Value("a.z"));
    }

    [Fact]
    public void A_non_object_overrides_an_object_and_an_object_overrides_a_non_object()
    {
        var root = HoconSpecHelpers.Parse("a { x = 1 }\na = 5\nb = 5\nb { y = 2 }");
        Assert.Equal("5", root.Value("a"));
        Assert.Equal(["y"], Assert.IsType<HoconObject>(root["b"]).Keys);
    }

    [Fact]
    public void Dotted_keys_merge_with_objects_written_with_braces()
    {
        var root = HoconSpecHelpers.Parse("wallet { name = default, hotkey = default }\nwallet.name = miner1");
        Assert.Equal("miner1", root.Value("wallet.name"));
        Assert.Equal("default", root.Value("wallet.hotkey"));
    }

    [Fact]
    public void Values_side_by_side_concatenate_into_a_string_keeping_the_whitespace_between()
    {
        var root = HoconSpecHelpers.Parse("who = world\ns = hello   \"big\" ${who} 42");
        Assert.Equal("hello   big world 42", root.Value("s"));
    }

    [Fact]
    public void Arrays_side_by_side_concatenate_and_objects_side_by_side_merge()
    {
        var root = HoconSpecHelpers.Parse("a = [1] [2, 3]\no = { x = 1 } { y = 2 }");
        Assert.Equal(3, Assert.IsType<HoconArray>(root["a"]).Count);
        Assert.Equal(["x", "y"], Assert.IsType<HoconObject>(root["o"]).Keys);
    }

    [Fact]
    public void Each_value_remembers_the_file_line_and_column_it_came_from()
    {
        var root = HoconSpecHelpers.Parse("a = 1\nb {\n  c = \"x\"\n}");
        var c = root.Scalar("b.c");
        Assert.Equal(new HoconPosition("test.conf", 3, 7), c.Origin);
        Assert.Equal("test.conf:3", c.Origin.FileAndLine);
    }

    [Fact]
    public void A_byte_order_mark_and_windows_line_endings_are_accepted()
    {
        var root = HoconSpecHelpers.Parse("\uFEFFa = 1\r\nb = two\r\n");
        Assert.Equal("1", root.Value("a"));
        Assert.Equal("two", root.Value("b"));
    }

    [Fact]
    public void A_key_named_include_is_an_ordinary_key_when_no_file_follows() =>
        Assert.Equal("5", HoconSpecHelpers.Parse("include = 5").Value("include"));

    [Fact]
    public void Plus_equals_appends_to_an_array()
    {
        var root = HoconSpecHelpers.Parse("a = [1]\na += 2\nb += x");
        Assert.Equal(["1", "2"], Assert.IsType<HoconArray>(root["a"]).Select(v => ((HoconScalar)v).Value));
        Assert.Single(Assert.IsType<HoconArray>(root["b"]));
    }
}
