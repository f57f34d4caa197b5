using System.Diagnostics;
using System.Text;
using Miner.Models.Configuration.Hocon;

namespace Miner.Specs.Configuration;

/// <summary>
/// Whatever the input, the parser returns a value or throws a HoconException located inside that input.
/// Seeds are fixed so a failure reproduces; iteration counts keep the class to a second or two.
/// </summary>
public sealed class HoconFuzzSpecs : IDisposable
{
    private static readonly string[] Alphabet =
    [
        "{", "}", "[", "]", ",", "=", ":", "+=", "\n", " ", "\t", "\r\n", ".", "\"", "$", "\\", "?", "/",
        "a", "b.c", "\"q.k\"", "min-stake", "1", "-2.5e3", "007", "true", "yes", "off", "null", "10s", "64MiB",
        "\"str\"", "\"\"\"raw\n\"\"\"", "\"\"\"", "\"open", "\"\\u12\"", "\"\\q\"", "\"\\n\"",
        "${a}", "${?b}", "${b.c}", "${", "${?", "${a", "#c\n", "//c\n", "http://x",
        "include \"x.conf\"", "include ", "include optional(\"x.conf\")", "include required(", "include file(\"\")",
        "include url(\"u\")", "\u0001", "\u00e9", "\uFEFF", "\ud800",
    ];

    private readonly TempDirectory _empty = new();

    [Fact]
    public void Random_bytes_give_a_value_or_a_located_error()
    {
        var random = new Random(17);
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < 3000; i++)
        {
            var bytes = new byte[random.Next(0, 160)];
            random.NextBytes(bytes);
            var text = i % 2 == 0 ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes);
            AssertValueOrLocatedError(text);
        }
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void Token_soup_from_the_hocon_alphabet_gives_a_value_or_a_located_error()
    {
        var random = new Random(404);
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < 4000; i++)
        {
            var text = new StringBuilder();
            var count = random.Next(1, 40);
            for (var t = 0; t < count; t++) text.Append(Alphabet[random.Next(Alphabet.Length)]);
            AssertValueOrLocatedError(text.ToString());
        }
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void Every_truncation_of_a_realistic_document_gives_a_value_or_a_located_error()
    {
        var document = SampleConfiguration.MinerConf;
        for (var length = 0; length <= document.Length; length++) AssertValueOrLocatedError(document[..length]);
    }

    [Fact]
    public void Single_character_mutations_of_a_realistic_document_give_a_value_or_a_located_error()
    {
        var random = new Random(2024);
        var document = SampleConfiguration.MinerConf;
        const string replacements = "{}[],=:\"$\\.#/\n ?+x1";
        for (var i = 0; i < 1500; i++)
        {
            var chars = document.ToCharArray();
            chars[random.Next(chars.Length)] = replacements[random.Next(replacements.Length)];
            AssertValueOrLocatedError(new string(chars));
        }
    }

    [Fact]
    public void The_realistic_document_itself_parses()
    {
        var root = HoconParser.ParseText(SampleConfiguration.MinerConf, "miner.conf", HoconSpecHelpers.Options());
        Assert.Equal("netuid 17 on finney", root.Value("generation.label"));
        Assert.Equal(4, Assert.IsType<HoconArray>(root["generation"] is HoconObject g ? g["stages"] : null).Count);
        Assert.False(((HoconObject)root["wallet"]).ContainsKey("password"));
    }

    public void Dispose() => _empty.Dispose();

    private void AssertValueOrLocatedError(string text)
    {
        try
        {
            HoconParser.ParseText(text, "fuzz.conf", HoconSpecHelpers.Options(baseDirectory: _empty.Path));
        }
        catch (HoconException error)
        {
            Assert.False(error.Reason.StartsWith("internal", StringComparison.Ordinal), $"{error.Message}\ninput: {Escape(text)}");
            if (error.FilePath != "fuzz.conf") return; // an include's own file
            var lines = text.Split('\n');
            Assert.InRange(error.Line, 1, lines.Length);
            Assert.InRange(error.Column, 1, lines[error.Line - 1].Length + 1);
        }
        catch (Exception other)
        {
            Assert.Fail($"{other.GetType().Name}: {other.Message}\ninput: {Escape(text)}");
        }
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:x4}" : c.ToString()));
}
