using Miner.Models.Configuration.Hocon;

namespace Miner.Host.Configuration;

/// <summary>
/// Flattens a HOCON tree into configuration keys: objects to <c>a:b:c</c>, arrays to <c>a:0</c>, <c>a:1</c>,
/// null (and empty objects or arrays) to a null value. Parse errors surface as <see cref="HoconException"/>.
/// </summary>
public sealed class HoconConfigurationProvider(HoconConfigurationSource source) : OriginTrackingConfigurationProvider
{
    public HoconConfigurationSource Source { get; } = source;

    protected override IEnumerable<(ConfigurationOrigin Origin, string? Value)> ReadValues()
    {
        var tree = Source.Tree ?? ParseFile();
        var values = new List<(ConfigurationOrigin, string?)>();
        if (tree is not null) Flatten(tree, [], values);
        return values;
    }

    private HoconObject? ParseFile()
    {
        if (Source.Path is null) return null;
        if (Source.Optional && !File.Exists(Source.Path)) return null;
        return HoconParser.ParseFile(Source.Path, Source.ParseOptions);
    }

    private static void Flatten(HoconValue value, List<string> path, List<(ConfigurationOrigin, string?)> values)
    {
        switch (value)
        {
            case HoconObject obj when obj.Count > 0:
                foreach (var (key, child) in obj) Recurse(child, path, key, values);
                break;
            case HoconArray array when array.Count > 0:
                for (var i = 0; i < array.Count; i++) Recurse(array[i], path, i.ToString(System.Globalization.CultureInfo.InvariantCulture), values);
                break;
            case HoconScalar scalar when path.Count > 0:
                values.Add((Origin(path, scalar), scalar.Value));
                break;
            default:
                if (path.Count > 0) values.Add((Origin(path, value), null));
                break;
        }
    }

    private static void Recurse(HoconValue child, List<string> path, string segment, List<(ConfigurationOrigin, string?)> values)
    {
        path.Add(segment);
        Flatten(child, path, values);
        path.RemoveAt(path.Count - 1);
    }

    private static ConfigurationOrigin Origin(List<string> path, HoconValue value) =>
        new(path.ToArray(), ConfigurationOriginKind.File, value.Origin.FileAndLine);
}
