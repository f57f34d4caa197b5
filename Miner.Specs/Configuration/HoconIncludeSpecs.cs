using Miner.Models.Configuration.Hocon;

namespace Miner.Specs.Configuration;

public sealed class HoconIncludeSpecs
{
    [Fact]
    public void An_include_is_resolved_relative_to_the_including_file()
    {
        using var dir = new TempDirectory();
        dir.Write("conf/sub/part.conf", "wallet.hotkey = hk\nnetuid = 1");
        var main = dir.Write("conf/main.conf", "netuid = 0\ninclude \"sub/part.conf\"\nwallet.name = w");
        var root = HoconParser.ParseFile(main, HoconSpecHelpers.Options());
        Assert.Equal("hk", root.Value("wallet.hotkey"));
        Assert.Equal("w", root.Value("wallet.name"));
        Assert.Equal("1", root.Value("netuid"));
        Assert.EndsWith(Path.Combine("sub", "part.conf"), root.Scalar("netuid").Origin.File);
    }

    [Fact]
    public void Fields_after_an_include_override_it_and_the_include_overrides_fields_before_it()
    {
        using var dir = new TempDirectory();
        dir.Write("inc.conf", "a = inc\nb = inc");
        var main = dir.Write("main.conf", "a = before\ninclude file(\"inc.conf\")\nb = after");
        var root = HoconParser.ParseFile(main, HoconSpecHelpers.Options());
        Assert.Equal("inc", root.Value("a"));
        Assert.Equal("after", root.Value("b"));
    }

    [Fact]
    public void An_include_inside_an_object_lands_in_that_object()
    {
        using var dir = new TempDirectory();
        dir.Write("gpu.conf", "device = 0\ncopy = ${gpus.main.device}");
        var main = dir.Write("main.conf", "gpus { main { include \"gpu.conf\" } }");
        var root = HoconParser.ParseFile(main, HoconSpecHelpers.Options());
        Assert.Equal("0", root.Value("gpus.main.device"));
        Assert.Equal("0", root.Value("gpus.main.copy"));
    }

    [Fact]
    public void A_missing_include_is_an_error_at_the_include()
    {
        using var dir = new TempDirectory();
        var main = dir.Write("main.conf", "a = 1\n  include \"missing.conf\"");
        var error = Assert.Throws<HoconException>(() => HoconParser.ParseFile(main, HoconSpecHelpers.Options()));
        Assert.Equal((2, 3), (error.Line, error.Column));
        Assert.Contains("included file", error.Reason);
        Assert.Contains("missing.conf", error.Reason);
    }

    [Fact]
    public void A_missing_optional_include_is_skipped_and_required_is_the_default()
    {
        using var dir = new TempDirectory();
        dir.Write("there.conf", "b = 2");
        var main = dir.Write("main.conf",
            "a = 1\ninclude optional(\"missing.conf\")\ninclude optional(file(\"there.conf\"))\ninclude required(\"there.conf\")");
        var root = HoconParser.ParseFile(main, HoconSpecHelpers.Options());
        Assert.Equal(["a", "b"], root.Keys);
    }

    [Fact]
    public void An_include_cycle_is_an_error()
    {
        using var dir = new TempDirectory();
        dir.Write("a.conf", "include \"b.conf\"");
        dir.Write("b.conf", "x = 1\ninclude \"a.conf\"");
        var error = Assert.Throws<HoconException>(() => HoconParser.ParseFile(Path.Combine(dir.Path, "a.conf"), HoconSpecHelpers.Options()));
        Assert.Contains("include cycle: a.conf -> b.conf -> a.conf", error.Reason);
        Assert.EndsWith("b.conf", error.FilePath);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void An_error_inside_an_included_file_names_that_file()
    {
        using var dir = new TempDirectory();
        dir.Write("bad.conf", "ok = 1\nbroken = [");
        var main = dir.Write("main.conf", "include \"bad.conf\"");
        var error = Assert.Throws<HoconException>(() => HoconParser.ParseFile(main, HoconSpecHelpers.Options()));
        Assert.EndsWith("bad.conf", error.FilePath);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Url_and_classpath_includes_are_refused() =>
        Assert.Contains("not supported", HoconSpecHelpers.Fails("include url(\"http://x\")").Reason);

    [Fact]
    public void Text_includes_resolve_against_the_base_directory()
    {
        using var dir = new TempDirectory();
        dir.Write("inc.conf", "a = 1");
        var root = HoconParser.ParseText("include \"inc.conf\"", "inline", HoconSpecHelpers.Options(baseDirectory: dir.Path));
        Assert.Equal("1", root.Value("a"));
    }

    [Fact]
    public void Several_files_parse_as_one_document_with_later_files_winning()
    {
        using var dir = new TempDirectory();
        var defaults = dir.Write("defaults.conf", "wallet { name = default, hotkey = default }\nlabel = ${wallet.name}");
        var operatorFile = dir.Write("operator.conf", "wallet.name = mine");
        var root = HoconParser.ParseFiles([defaults, operatorFile], HoconSpecHelpers.Options());
        Assert.Equal("mine", root.Value("wallet.name"));
        Assert.Equal("default", root.Value("wallet.hotkey"));
        Assert.Equal("mine", root.Value("label"));
    }
}
