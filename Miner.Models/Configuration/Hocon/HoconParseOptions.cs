namespace Miner.Models.Configuration.Hocon;

/// <summary>Limits and inputs of a parse. The defaults suit configuration files; hostile input hits a limit, not the stack.</summary>
public sealed record HoconParseOptions
{
    public static HoconParseOptions Default { get; } = new();

    /// <summary>
    /// Variables that <c>${NAME}</c> and <c>${?NAME}</c> fall back to when the path is not in the document.
    /// Null means the process environment.
    /// </summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }

    /// <summary>Directory that includes in text parsed without a file are resolved against (default: current directory).</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Deepest nesting of objects and arrays (dotted key segments count), in the text and in the resolved value.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Largest file or text, in characters.</summary>
    public int MaxInputChars { get; init; } = 4 * 1024 * 1024;

    /// <summary>Most characters read in one parse, all files and includes together (a file included 200 times counts 200 times).</summary>
    public long MaxTotalInputChars { get; init; } = 16L * 1024 * 1024;

    /// <summary>Deepest chain of includes.</summary>
    public int MaxIncludeDepth { get; init; } = 16;

    /// <summary>Most files read in one parse, includes counted.</summary>
    public int MaxFiles { get; init; } = 256;

    /// <summary>Longest chain of substitutions being resolved at once.</summary>
    public int MaxSubstitutionDepth { get; init; } = 128;

    /// <summary>Most values in the resolved tree (a value copied by a substitution counts each time).</summary>
    public long MaxNodes { get; init; } = 1_000_000;

    /// <summary>Longest string produced by concatenation.</summary>
    public int MaxStringLength { get; init; } = 1_000_000;

    /// <summary>
    /// Most characters in the resolved tree, keys and strings, a value copied by a substitution counted each time;
    /// also the most characters all concatenations of one parse may build together, so repeating a long string
    /// across many fields is refused before it is built, not after.
    /// </summary>
    public long MaxResolvedChars { get; init; } = 16L * 1024 * 1024;

    internal string? LookupEnvironment(string name) =>
        Environment is { } env
            ? env.TryGetValue(name, out var value) ? value : null
            : System.Environment.GetEnvironmentVariable(name);
}
