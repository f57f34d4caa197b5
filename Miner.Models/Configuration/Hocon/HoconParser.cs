namespace Miner.Models.Configuration.Hocon;

/// <summary>
/// Entry point of the HOCON subset documented in the configuration README. Every failure, whatever the input,
/// is a <see cref="HoconException"/> naming file, line and column.
/// </summary>
public static class HoconParser
{
    /// <summary>Parses text; <paramref name="sourceName"/> names it in errors and origins.</summary>
    public static HoconObject ParseText(string text, string sourceName = "<text>", HoconParseOptions? options = null)
    {
        options ??= HoconParseOptions.Default;
        var at = new HoconPosition(sourceName, 1, 1);
        return Guard(at, () =>
        {
            var session = new HoconParseSession(options);
            var raw = session.Parse(text, sourceName, [], 0, options.BaseDirectory ?? Directory.GetCurrentDirectory());
            return new HoconResolver(raw, options).ResolveRoot();
        });
    }

    public static HoconObject ParseFile(string path, HoconParseOptions? options = null) => ParseFiles([path], options);

    /// <summary>
    /// Parses several files as one document, in order (later files override earlier ones, objects merge),
    /// so substitutions in one file can refer to values of another.
    /// </summary>
    public static HoconObject ParseFiles(IEnumerable<string> paths, HoconParseOptions? options = null)
    {
        options ??= HoconParseOptions.Default;
        var list = paths.ToList();
        var at = new HoconPosition(list.FirstOrDefault() ?? "<none>", 0, 0);
        return Guard(at, () =>
        {
            var session = new HoconParseSession(options);
            var root = new RawObject(at);
            foreach (var path in list)
            {
                var file = session.LoadFile(path, includedFrom: null, [], 0, optional: false)!;
                foreach (var key in file.Order) root.Assign(key, file[key]);
            }
            return new HoconResolver(root, options).ResolveRoot();
        });
    }

    // The contract is "only located exceptions": anything else is a parser bug, reported as such rather than leaked.
    private static HoconObject Guard(HoconPosition at, Func<HoconObject> parse)
    {
        try
        {
            return parse();
        }
        catch (HoconException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new HoconException(at, $"internal parser error: {ex.GetType().Name}: {ex.Message}", ex);
        }
    }
}
