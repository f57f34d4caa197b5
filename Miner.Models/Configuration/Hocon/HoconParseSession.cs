using System.Text;
using Miner.Models.Files;

namespace Miner.Models.Configuration.Hocon;

/// <summary>State shared by every file of one parse: options, the include stack and the file budget.</summary>
internal sealed class HoconParseSession(HoconParseOptions options)
{
    private readonly List<string> _includeStack = [];
    private int _filesRead;
    private long _charsRead;

    public HoconParseOptions Options { get; } = options;

    /// <summary>
    /// Reads and parses one file into a fresh object. <paramref name="includedFrom"/> is null for a top-level file.
    /// Returns null only for a missing optional include.
    /// </summary>
    public RawObject? LoadFile(string displayPath, HoconPosition? includedFrom, string[]? prefix, int depth, bool optional)
    {
        var errorAt = includedFrom ?? new HoconPosition(displayPath, 0, 0);
        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(displayPath);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new HoconException(errorAt, $"invalid file name '{displayPath}'");
        }

        if (_includeStack.Contains(fullPath, StringComparer.Ordinal))
            throw new HoconException(errorAt, $"include cycle: {string.Join(" -> ", _includeStack.Select(Path.GetFileName))} -> {Path.GetFileName(fullPath)}");
        if (_includeStack.Count > Options.MaxIncludeDepth)
            throw new HoconException(errorAt, $"includes nested deeper than {Options.MaxIncludeDepth} files");
        var status = FileStatus.Of(fullPath);
        if (!status.Exists)
        {
            if (optional) return null;
            throw new HoconException(errorAt, includedFrom is null ? "file not found" : $"included file '{displayPath}' not found");
        }
        // a FIFO would block the parse until some writer came, a device would never end
        if (status.Kind != FileKind.Regular)
            throw new HoconException(errorAt, $"{Named(displayPath, includedFrom)}is {status.Describe()}, not a regular file");
        if (++_filesRead > Options.MaxFiles)
            throw new HoconException(errorAt, $"more than {Options.MaxFiles} files read (includes counted)");

        var text = ReadText(fullPath, displayPath, includedFrom, errorAt);
        _charsRead += text.Length;
        if (_charsRead > Options.MaxTotalInputChars)
            throw new HoconException(errorAt, $"more than {Options.MaxTotalInputChars} characters read (includes counted)");
        _includeStack.Add(fullPath);
        try
        {
            return Parse(text, displayPath, prefix, depth, Path.GetDirectoryName(displayPath) ?? "");
        }
        finally
        {
            _includeStack.RemoveAt(_includeStack.Count - 1);
        }
    }

    public RawObject Parse(string text, string displayPath, string[]? prefix, int depth, string directory)
    {
        if (text.Length > Options.MaxInputChars)
            throw new HoconException(new HoconPosition(displayPath, 1, 1), $"input larger than {Options.MaxInputChars} characters");
        return new HoconSyntaxParser(text, displayPath, prefix, depth, directory, this).ParseDocument();
    }

    /// <summary>An include's error names the included file; a top-level file's error already starts with its name.</summary>
    private static string Named(string displayPath, HoconPosition? includedFrom) => includedFrom is null ? "" : $"'{displayPath}' ";

    private string ReadText(string fullPath, string displayPath, HoconPosition? includedFrom, HoconPosition errorAt)
    {
        byte[] bytes;
        try
        {
            // UTF-8 needs at most 4 bytes a character: more bytes than that cannot be within the character limit.
            // The limit is enforced while reading, so a file that grows (or lies about its size) is cut off.
            bytes = InputFile.ReadAllBytes(fullPath, 4L * Options.MaxInputChars, "configuration file");
        }
        catch (FileRefusedException ex) when (ex.TooLarge)
        {
            throw new HoconException(errorAt, $"{Named(displayPath, includedFrom)}is larger than {Options.MaxInputChars} characters");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new HoconException(errorAt, $"cannot read '{displayPath}': {ex.Message}");
        }
        var body = bytes.AsSpan();
        if (body.StartsWith(Utf8Bom)) body = body[Utf8Bom.Length..];
        return Encoding.UTF8.GetString(body);
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];
}
