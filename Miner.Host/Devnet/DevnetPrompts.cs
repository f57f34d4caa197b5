namespace Miner.Host.Devnet;

/// <summary>The object prompts bundled with the devnet (<c>Devnet/Prompts/devnet-prompts.txt</c>, an embedded resource).</summary>
public static class DevnetPrompts
{
    private const string ResourceName = "Miner.Host.Devnet.devnet-prompts.txt";

    private static readonly Lazy<IReadOnlyList<string>> Bundled = new(Load);

    public static IReadOnlyList<string> All => Bundled.Value;

    /// <summary>Prompts from text: one a line, blank lines and <c>#</c> comments skipped, trimmed, duplicates dropped.</summary>
    public static IReadOnlyList<string> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    private static IReadOnlyList<string> Load()
    {
        using var stream = typeof(DevnetPrompts).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded resource {ResourceName} is missing from {typeof(DevnetPrompts).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
