using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Akka.Configuration;
using Microsoft.Extensions.Configuration;
using Miner.Models.Configuration;
using Miner.Models.Configuration.Hocon;

namespace Miner.Host.Configuration;

/// <summary>
/// Hands the <c>akka { }</c> section to Akka.NET. The section is parsed by our own HOCON parser with every other
/// setting (located errors, substitutions from <c>${miner...}</c>, environment and flag layers); what reaches this
/// renderer is the merged result. It is written back as HOCON that Akka's parser reads without surprises (keys and
/// strings as JSON strings, numbers and booleans plain, durations and sizes in units Akka knows) and parsed by
/// <see cref="ConfigurationFactory.ParseString(string)"/>. No fallback is added: Akka adds its reference config
/// itself when the actor system starts.
/// </summary>
public static partial class AkkaConfigRenderer
{
    /// <summary>The top-level section passed through to Akka.</summary>
    public const string Section = "akka";

    /// <summary>The merged <c>akka</c> section as Akka's <see cref="Config"/>; <see cref="Config.Empty"/> when there is none.</summary>
    public static Config Render(IConfigurationRoot root)
    {
        var text = RenderHocon(root);
        return text.Length == 0 ? Config.Empty : ConfigurationFactory.ParseString(text);
    }

    /// <summary>
    /// The HOCON text handed to Akka (empty when there is no <c>akka</c> section). With <paramref name="maskSecrets"/>
    /// the values `config show` must not print are masked, as everywhere else; never hand that text to Akka.
    /// </summary>
    public static string RenderHocon(IConfigurationRoot root, bool maskSecrets = false)
    {
        var section = root.GetSection(Section);
        if (!section.GetChildren().Any()) return "";
        var text = new StringBuilder();
        WriteObject(root, section, "", text, maskSecrets, Section);
        return text.ToString();
    }

    private static void WriteObject(IConfigurationRoot root, IConfigurationSection section, string indent, StringBuilder text,
        bool maskSecrets, string name)
    {
        text.Append(indent).Append(Key(name)).Append(" {\n");
        foreach (var child in section.GetChildren()) WriteField(root, child, indent + "  ", text, maskSecrets);
        text.Append(indent).Append("}\n");
    }

    private static void WriteField(IConfigurationRoot root, IConfigurationSection section, string indent, StringBuilder text, bool maskSecrets)
    {
        var name = WrittenName(root, section);
        var children = section.GetChildren().ToList();
        if (children.Count > 0 && !IsList(children))
        {
            WriteObject(root, section, indent, text, maskSecrets, name);
            return;
        }
        text.Append(indent).Append(Key(name)).Append(" = ");
        WriteValue(root, section, children, indent, text, maskSecrets);
        text.Append('\n');
    }

    private static void WriteValue(IConfigurationRoot root, IConfigurationSection section, List<IConfigurationSection> children, string indent,
        StringBuilder text, bool maskSecrets)
    {
        if (children.Count == 0)
        {
            text.Append(Scalar(maskSecrets ? SecretMasker.MaskValue(section.Path, section.Value) : section.Value));
            return;
        }
        if (!IsList(children))
        {
            text.Append("{\n");
            foreach (var child in children) WriteField(root, child, indent + "  ", text, maskSecrets);
            text.Append(indent).Append('}');
            return;
        }
        text.Append('[');
        for (var i = 0; i < children.Count; i++)
        {
            if (i > 0) text.Append(", ");
            WriteValue(root, children[i], children[i].GetChildren().ToList(), indent, text, maskSecrets);
        }
        text.Append(']');
    }

    /// <summary>
    /// A merged value as Akka reads it. Our binder's words become Akka's: <c>yes/on</c> are <c>true</c>; durations in
    /// units Akka lacks (<c>ns</c>, <c>us</c>, <c>00:00:10</c>) become milliseconds; fractional sizes become bytes.
    /// Everything else that is not a number is a JSON string, so quotes, backslashes and <c>${</c> stay text.
    /// </summary>
    public static string Scalar(string? value)
    {
        if (value is null) return "null";
        var trimmed = value.Trim();
        if (trimmed.Length > 0 && trimmed == value)
        {
            if (trimmed is "true" or "yes" or "on") return "true";
            if (trimmed is "false" or "no" or "off") return "false";
            if (Number().IsMatch(trimmed)) return trimmed;
            if (NeedsDurationConversion(trimmed) && HoconDuration.TryParse(trimmed, out var duration)) return Quote(AkkaDuration(duration));
            if (FractionalSize().IsMatch(trimmed) && !HoconDuration.TryParse(trimmed, out _) && ByteSize.TryParse(trimmed, out var size))
                return size.Bytes.ToString(CultureInfo.InvariantCulture);
        }
        return Quote(value);
    }

    /// <summary>A duration in the units Akka's parser knows (d, h, m, s, ms; fractional milliseconds below that).</summary>
    public static string AkkaDuration(TimeSpan value) =>
        value.Ticks % TimeSpan.TicksPerMillisecond == 0
            ? HoconDuration.Format(value)
            : ((decimal)value.Ticks / TimeSpan.TicksPerMillisecond).ToString(CultureInfo.InvariantCulture) + "ms";

    /// <summary>A JSON string: Akka's parser decodes these escapes and never substitutes inside quotes.</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' or '\u007f' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }

    /// <summary>A key bare when it is plain letters, digits, '-' and '_' (and no keyword); quoted otherwise, so a dot stays in the key.</summary>
    private static string Key(string name) =>
        SimpleKey().IsMatch(name) && name is not ("true" or "false" or "null" or "include") ? name : Quote(name);

    private static bool NeedsDurationConversion(string value) => SubMillisecondDuration().IsMatch(value) || ClockDuration().IsMatch(value);

    /// <summary>
    /// The key as written (our keys are normalised: no '-' or '_', any case; Akka's are exact). The spelling comes
    /// from the lowest layer that writes the key, normally a file spelled as Akka does, so <c>--akka.LogLevel</c> or
    /// <c>MINER_AKKA__STDOUTLOGLEVEL</c> overrides the value of <c>loglevel</c> / <c>stdout-loglevel</c> rather than
    /// adding a key Akka does not know.
    /// </summary>
    private static string WrittenName(IConfigurationRoot root, IConfigurationSection section)
    {
        var depth = ConfigurationKeys.Split(section.Path).Length;
        var leaves = section.AsEnumerable().Select(p => p.Key)
            .Where(k => k == section.Path || k.StartsWith(section.Path + ConfigurationPath.KeyDelimiter, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var provider in root.Providers)
        {
            if (provider is not IConfigurationOriginSource source) continue;
            foreach (var leaf in leaves)
                if (source.TryGetOrigin(leaf, out var origin) && origin.WrittenPath.Count >= depth) return origin.WrittenPath[depth - 1];
        }
        return section.Key;
    }

    private static bool IsList(List<IConfigurationSection> children) =>
        children.Select((c, i) => c.Key == i.ToString(CultureInfo.InvariantCulture)).All(same => same);

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SimpleKey();

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?\s*(ns|nanos?|nanoseconds?|us|micros?|microseconds?)$", RegexOptions.CultureInvariant)]
    private static partial Regex SubMillisecondDuration();

    [GeneratedRegex(@"^[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ClockDuration();

    [GeneratedRegex(@"^[0-9]+\.[0-9]+\s*[A-Za-z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex FractionalSize();
}
