using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Miner.Host.Configuration;

/// <summary>
/// Renders the merged configuration as HOCON text grouped by objects, keys spelled as written, secrets masked,
/// optionally each value annotated with where it came from. Backs `miner config show`.
/// </summary>
public sealed partial class ConfigurationPrinter(bool showOrigins = false)
{
    public bool ShowOrigins { get; } = showOrigins;

    /// <summary>Prints and returns the exit code (always 0: a configuration that built can be shown).</summary>
    public int Run(IConfigurationRoot root, TextWriter output)
    {
        Print(root, output);
        return 0;
    }

    public string Render(IConfigurationRoot root)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Print(root, writer);
        return writer.ToString();
    }

    public void Print(IConfigurationRoot root, TextWriter writer)
    {
        foreach (var child in root.GetChildren()) WriteEntry(root, child, "", DisplayName(root, child));
        writer.Flush();

        void WriteEntry(IConfigurationRoot r, IConfigurationSection section, string indent, string? name)
        {
            var children = section.GetChildren().ToList();
            var lead = name is null ? indent : $"{indent}{name} = ";
            if (children.Count == 0)
            {
                writer.WriteLine($"{lead}{FormatValue(section.Path, section.Value)}{Annotation(r, section.Path)}");
            }
            else if (IsList(children) && !ShowOrigins && children.All(c => !c.GetChildren().Any()))
            {
                writer.WriteLine($"{lead}[{string.Join(", ", children.Select(c => FormatValue(c.Path, c.Value)))}]");
            }
            else if (IsList(children))
            {
                writer.WriteLine($"{lead}[");
                foreach (var child in children) WriteEntry(r, child, indent + "  ", null);
                writer.WriteLine($"{indent}]");
            }
            else
            {
                writer.WriteLine(name is null ? $"{indent}{{" : $"{indent}{name} {{");
                foreach (var child in children) WriteEntry(r, child, indent + "  ", DisplayName(r, child));
                writer.WriteLine($"{indent}}}");
            }
        }
    }

    /// <summary>A value as HOCON: bare when it reads back as the same string, quoted otherwise; secrets masked.</summary>
    public static string FormatValue(string key, string? value)
    {
        var shown = SecretMasker.MaskValue(key, value);
        if (shown is null) return "null";
        return IsBare(shown) ? shown : Quote(shown);
    }

    private string Annotation(IConfigurationRoot root, string key) =>
        ShowOrigins && ConfigurationOrigin.Find(root, key) is { } origin ? $"  # {origin}" : "";

    private static string DisplayName(IConfigurationRoot root, IConfigurationSection section)
    {
        var written = ConfigurationOrigin.FindForSection(root, section.Path)?.WrittenPath;
        var name = written is { Count: > 0 } ? written[^1] : section.Key;
        return SimpleKey().IsMatch(name) ? name : Quote(name);
    }

    private static bool IsList(List<IConfigurationSection> children) =>
        children.Select((c, i) => c.Key == i.ToString(CultureInfo.InvariantCulture)).All(same => same);

    private static bool IsBare(string value) =>
        value is "true" or "false" || Number().IsMatch(value) ||
        (BareString().IsMatch(value) && !value.Contains("//") && value is not ("yes" or "no" or "on" or "off" or "null" or "include"));

    private static string Quote(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.\-/:]*$", RegexOptions.CultureInvariant)]
    private static partial Regex BareString();

    [GeneratedRegex(@"^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SimpleKey();
}
