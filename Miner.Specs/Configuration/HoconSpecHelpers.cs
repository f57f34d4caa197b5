using Miner.Models.Configuration.Hocon;

namespace Miner.Specs.Configuration;

/// <summary>Parsing helpers for the HOCON specs; the environment is always explicit, never the process's.</summary>
internal static class HoconSpecHelpers
{
    public static readonly IReadOnlyDictionary<string, string?> NoEnvironment = new Dictionary<string, string?>();

    public static HoconParseOptions Options(IReadOnlyDictionary<string, string?>? env = null, string? baseDirectory = null) =>
        new() { Environment = env ?? NoEnvironment, BaseDirectory = baseDirectory };

    public static HoconObject Parse(string text, IReadOnlyDictionary<string, string?>? env = null) =>
        HoconParser.ParseText(text, "test.conf", Options(env));

    public static HoconException Fails(string text, IReadOnlyDictionary<string, string?>? env = null) =>
        Assert.Throws<HoconException>(() => HoconParser.ParseText(text, "test.conf", Options(env)));

    /// <summary>The canonical value at a dotted path (no quoted dots in these specs).</summary>
    public static string? Value(this HoconObject root, string dottedPath) =>
        Assert.IsType<HoconScalar>(root.Find(dottedPath.Split('.'))).Value;

    public static HoconScalar Scalar(this HoconObject root, string dottedPath) =>
        Assert.IsType<HoconScalar>(root.Find(dottedPath.Split('.')));
}
