namespace Miner.Host.Configuration;

/// <summary>
/// Bittensor-style configuration flags: <c>--wallet.name x</c>, <c>--wallet.name=x</c>, <c>--netuid 17</c>, and
/// <c>--logging.debug</c> alone (or followed by another <c>--flag</c>) meaning true. Dots separate segments.
/// </summary>
public sealed class ConfigurationOverrides
{
    private ConfigurationOverrides(IReadOnlyList<ConfigurationOverride> values, IReadOnlyList<string> errors)
    {
        Values = values;
        Errors = errors;
    }

    public static ConfigurationOverrides Empty { get; } = new([], []);

    /// <summary>In the order given; a later flag for the same key wins.</summary>
    public IReadOnlyList<ConfigurationOverride> Values { get; }

    /// <summary>One message per malformed token.</summary>
    public IReadOnlyList<string> Errors { get; }

    public bool IsValid => Errors.Count == 0;

    /// <summary>
    /// Only the overrides under the top-level <paramref name="section"/> (<c>devnet</c>): the devnet binds its own
    /// file from the same command line as the miner's settings.
    /// </summary>
    public ConfigurationOverrides ForSection(string section)
    {
        var wanted = ConfigurationKeys.NormalizeSegment(section);
        return new ConfigurationOverrides(
            Values.Where(v => string.Equals(ConfigurationKeys.NormalizeSegment(v.WrittenPath[0]), wanted, StringComparison.OrdinalIgnoreCase)).ToList(),
            Errors);
    }

    /// <summary>Every token must be part of an override; anything else is reported in <see cref="Errors"/>.</summary>
    public static ConfigurationOverrides Parse(IEnumerable<string> tokens)
    {
        var list = tokens.ToList();
        var values = new List<ConfigurationOverride>();
        var errors = new List<string>();
        for (var i = 0; i < list.Count; i++)
        {
            var token = list[i];
            if (!IsFlag(token))
            {
                errors.Add($"unexpected argument '{token}': configuration overrides look like --section.key value");
                continue;
            }
            var body = token[2..];
            var equals = body.IndexOf('=');
            var name = equals >= 0 ? body[..equals] : body;
            string value;
            if (equals >= 0) value = body[(equals + 1)..];
            else if (i + 1 < list.Count && !IsFlag(list[i + 1]) && list[i + 1] != "--") value = list[++i];
            else value = "true";

            var segments = name.Split('.');
            if (segments.Any(s => s.Length == 0)) errors.Add($"malformed flag '{token}': empty key segment");
            else if (name.Any(c => c == ':' || char.IsWhiteSpace(c))) errors.Add($"malformed flag '{token}': a key may not contain ':' or spaces");
            else values.Add(new ConfigurationOverride(token, segments, value));
        }
        return new ConfigurationOverrides(values, errors);
    }

    /// <summary>
    /// Splits a raw command line: <c>--name</c> flags the host does not claim (<paramref name="isHostOption"/>
    /// gets the name without dashes or value) become overrides, with their value token; everything else
    /// (commands, positionals, host options and their values, all after <c>--</c>) is returned in order.
    /// </summary>
    public static ConfigurationOverrides Separate(IEnumerable<string> args, Func<string, bool> isHostOption, out IReadOnlyList<string> remaining)
    {
        var list = args.ToList();
        var overrideTokens = new List<string>();
        var rest = new List<string>();
        for (var i = 0; i < list.Count; i++)
        {
            var token = list[i];
            if (token == "--")
            {
                rest.AddRange(list.Skip(i));
                break;
            }
            var name = IsFlag(token) ? token[2..].Split('=')[0] : null;
            if (name is null || isHostOption(name))
            {
                rest.Add(token);
                continue;
            }
            overrideTokens.Add(token);
            if (!token.Contains('=') && i + 1 < list.Count && !IsFlag(list[i + 1]) && list[i + 1] != "--")
                overrideTokens.Add(list[++i]);
        }
        remaining = rest;
        return Parse(overrideTokens);
    }

    private static bool IsFlag(string token) => token.Length > 2 && token.StartsWith("--", StringComparison.Ordinal);
}
