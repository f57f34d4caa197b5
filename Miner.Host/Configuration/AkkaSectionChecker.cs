using System.Globalization;
using Akka.Configuration;
using Microsoft.Extensions.Configuration;

namespace Miner.Host.Configuration;

/// <summary>
/// The <c>akka</c> section is passed through to Akka (it has hundreds of settings, and plugins add their own), so
/// its keys are never "unknown". The one thing checked is the shape against Akka's own reference config: an object
/// where Akka has a value, or a value where Akka has an object, is a warning (Akka would ignore or reject it when the
/// actor system starts). Keys Akka's core does not know pass silently.
/// </summary>
public static class AkkaSectionChecker
{
    private static readonly Lazy<Config> Reference = new(ConfigurationFactory.Default);

    public static IReadOnlyList<ConfigurationDiagnostic> Check(IConfigurationRoot root)
    {
        var diagnostics = new List<ConfigurationDiagnostic>();
        var section = root.GetSection(AkkaConfigRenderer.Section);
        if (!section.GetChildren().Any()) return diagnostics;
        var reference = Reference.Value;
        Walk(root, reference, section, [AkkaConfigRenderer.Section], diagnostics);
        return diagnostics;
    }

    private static void Walk(IConfigurationRoot root, Config reference, IConfigurationSection section, List<string> path,
        List<ConfigurationDiagnostic> diagnostics)
    {
        foreach (var child in section.GetChildren())
        {
            var origin = ConfigurationOrigin.FindForSection(root, child.Path);
            var name = origin is { WrittenPath.Count: > 0 } ? origin.WrittenPath[^1] : child.Key;
            // Akka's paths cannot name a key with a dot or a quote in it; such keys (type names) are Akka's to judge.
            if (name.Any(c => c is '.' or '"' or '$' || char.IsWhiteSpace(c))) continue;
            path.Add(name);
            var expected = Lookup(reference, string.Join('.', path));
            var children = child.GetChildren().ToList();
            var isObject = children.Count > 0 && !IsList(children);
            // A null (or an empty object or array, which flatten to null) fits any shape.
            if (expected is not null && (child.Value is not null || children.Count > 0))
            {
                if (isObject && !expected.IsObject())
                    diagnostics.Add(Warning(origin, child, "Akka's reference config has a value here, not an object"));
                else if (!isObject && expected.IsObject())
                    diagnostics.Add(Warning(origin, child, "Akka's reference config has an object here, not a value"));
                else if (isObject)
                    Walk(root, reference, child, path, diagnostics);
            }
            path.RemoveAt(path.Count - 1);
        }
    }

    private static Akka.Configuration.Hocon.HoconValue? Lookup(Config reference, string path)
    {
        try
        {
            return reference.HasPath(path) ? reference.GetValue(path) : null;
        }
        catch (Exception)
        {
            return null; // a path Akka cannot parse is not Akka's
        }
    }

    private static ConfigurationDiagnostic Warning(ConfigurationOrigin? origin, IConfigurationSection section, string message) =>
        new(ConfigurationDiagnosticSeverity.Warning, origin?.DottedPath ?? section.Path.Replace(':', '.'), origin?.ToString(), message);

    private static bool IsList(List<IConfigurationSection> children) =>
        children.Select((c, i) => c.Key == i.ToString(CultureInfo.InvariantCulture)).All(same => same);
}
