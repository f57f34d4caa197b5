using Miner.Models.Configuration.Hocon;

namespace Miner.Specs.Configuration;

public sealed class HoconSubstitutionSpecs
{
    private static readonly Dictionary<string, string?> Env = new() { ["MINER_PORT"] = "9000", ["HOME"] = "/home/miner" };

    [Fact]
    public void A_substitution_copies_a_value_defined_anywhere_in_the_document()
    {
        var root = HoconSpecHelpers.Parse("a = ${b.c}\nb { c = 42 }");
        Assert.Equal("42", root.Value("a"));
        Assert.Equal(HoconScalarKind.Number, root.Scalar("a").Kind);
    }

    [Fact]
    public void A_substituted_value_keeps_the_origin_of_its_definition() =>
        Assert.Equal(2, HoconSpecHelpers.Parse("a = ${b}\nb = 1").Scalar("a").Origin.Line);

    [Fact]
    public void A_substitution_can_copy_an_object_and_later_fields_merge_over_it()
    {
        var root = HoconSpecHelpers.Parse("base { x = 1, y = 1 }\nderived = ${base}\nderived { y = 2 }");
        Assert.Equal("1", root.Value("derived.x"));
        Assert.Equal("2", root.Value("derived.y"));
        Assert.Equal("1", root.Value("base.y"));
    }

    [Fact]
    public void A_substitution_sees_the_final_value_of_its_path()
    {
        var root = HoconSpecHelpers.Parse("a = 1\nb = ${a}\na = 2");
        Assert.Equal("2", root.Value("b"));
    }

    [Fact]
    public void A_reference_to_a_sibling_inside_the_same_object_is_not_a_cycle() =>
        Assert.Equal("1", HoconSpecHelpers.Parse("a { x = 1, y = ${a.x} }").Value("a.y"));

    [Fact]
    public void A_missing_path_falls_back_to_the_environment_variable_of_that_name()
    {
        var root = HoconSpecHelpers.Parse("home = ${HOME}\nport = ${?MINER_PORT}", Env);
        Assert.Equal("/home/miner", root.Value("home"));
        Assert.Equal("9000", root.Value("port"));
    }

    [Fact]
    public void A_path_in_the_document_wins_over_an_environment_variable() =>
        Assert.Equal("here", HoconSpecHelpers.Parse("HOME = here\nh = ${HOME}", Env).Value("h"));

    [Fact]
    public void An_optional_substitution_overrides_a_default_only_when_set()
    {
        var set = HoconSpecHelpers.Parse("port = 8091\nport = ${?MINER_PORT}", Env);
        var unset = HoconSpecHelpers.Parse("port = 8091\nport = ${?MINER_PORT}");
        Assert.Equal("9000", set.Value("port"));
        Assert.Equal("8091", unset.Value("port"));
    }

    [Fact]
    public void An_unset_optional_substitution_leaves_the_field_out()
    {
        var root = HoconSpecHelpers.Parse("a = ${?NOPE}\nb = [1, ${?NOPE}]\nc = x ${?NOPE} y");
        Assert.False(root.ContainsKey("a"));
        Assert.Single(Assert.IsType<HoconArray>(root["b"]));
        Assert.Equal("x y", root.Value("c"));
    }

    [Fact]
    public void An_undefined_required_substitution_is_a_located_error()
    {
        var error = HoconSpecHelpers.Fails("a = 1\nb = x ${nope.here}");
        Assert.Equal((2, 7), (error.Line, error.Column));
        Assert.Contains("undefined substitution ${nope.here}", error.Reason);
    }

    [Fact]
    public void A_substitution_cycle_is_a_located_error()
    {
        var error = HoconSpecHelpers.Fails("a = ${b}\nb = ${c}\nc = ${a}");
        Assert.Contains("substitution cycle: ${b} -> ${c} -> ${a}", error.Reason);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void A_field_referring_to_its_own_parent_is_a_cycle() =>
        Assert.Contains("cycle", HoconSpecHelpers.Fails("a { b = ${a} }").Reason);

    [Fact]
    public void A_self_reference_without_an_earlier_value_is_undefined() =>
        Assert.Contains("undefined substitution ${a}", HoconSpecHelpers.Fails("a = ${a}").Reason);

    [Fact]
    public void A_self_reference_appends_to_the_earlier_value()
    {
        var root = HoconSpecHelpers.Parse("path = /bin\npath = ${path}\":/usr/bin\"\nlist = [1]\nlist = ${list} [2]");
        Assert.Equal("/bin:/usr/bin", root.Value("path"));
        Assert.Equal(2, Assert.IsType<HoconArray>(root["list"]).Count);
    }

    [Fact]
    public void Chained_self_references_each_see_the_value_before_them() =>
        Assert.Equal("a b c", HoconSpecHelpers.Parse("s = a\ns = ${s} b\ns = ${s} c").Value("s"));

    [Fact]
    public void A_self_reference_inside_a_merged_object_sees_the_earlier_field() =>
        Assert.Equal("1 2", HoconSpecHelpers.Parse("a { x = 1 }\na { x = ${a.x} 2 }").Value("a.x"));

    [Fact]
    public void A_long_chain_of_substitutions_is_refused_not_overflowed()
    {
        var lines = Enumerable.Range(0, 5000).Select(i => $"k{i} = ${{k{i + 1}}}").Append("k5000 = end");
        Assert.Contains("nested", HoconSpecHelpers.Fails(string.Join('\n', lines)).Reason);
    }
}
