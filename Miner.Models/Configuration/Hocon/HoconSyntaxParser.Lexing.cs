namespace Miner.Models.Configuration.Hocon;

// Character classes, whitespace, comments and includes of the syntax parser.
internal sealed partial class HoconSyntaxParser
{
    // Reserved in unquoted keys: structure, plus what HOCON keeps for future syntax.
    private const string KeyStops = "{}[],:=\"#$+\\`^?!@*&.";

    // Unquoted values are more lenient (':' after the first character, so 00:00:10 and host:port work).
    private const string ValueStops = "{}[],=\"#$\\";

    private static readonly string[] IncludeForms = ["\"", "file(", "required(", "optional(", "url(", "classpath("];

    private static bool IsInlineSpace(char c) => c != '\n' && (char.IsWhiteSpace(c) || c == '\uFEFF');

    private static bool IsKeyChar(char c) => c >= ' ' && !IsInlineSpace(c) && !KeyStops.Contains(c);

    private static bool IsValueChar(char c, bool first) =>
        c >= ' ' && !IsInlineSpace(c) && !ValueStops.Contains(c) && !(first && c == ':');

    private bool AtCommentStart() => Current == '#' || (Current == '/' && _cursor.Peek(1) == '/');

    /// <summary>Inside an unquoted value "//" starts a comment unless it follows ':' (so URLs need no quotes).</summary>
    private bool AtValueCommentStart(int start) =>
        Current == '/' && _cursor.Peek(1) == '/' && !(_cursor.Offset > start && _text[_cursor.Offset - 1] == ':');

    /// <summary>Spaces, tabs and a trailing comment; stops at a new line.</summary>
    private void SkipInline()
    {
        while (!_cursor.AtEnd)
        {
            if (IsInlineSpace(Current)) _cursor.Advance(1);
            else if (AtCommentStart()) SkipToEndOfLine();
            else return;
        }
    }

    /// <summary>Whitespace, new lines and comments.</summary>
    private void SkipBlank()
    {
        while (!_cursor.AtEnd)
        {
            if (Current == '\n') _cursor.Advance(1);
            else if (IsInlineSpace(Current) || AtCommentStart()) SkipInline();
            else return;
        }
    }

    private void SkipToEndOfLine()
    {
        var newline = _text.IndexOf('\n', _cursor.Offset);
        _cursor.MoveTo(newline < 0 ? _text.Length : newline);
    }

    private bool IsIncludeDirective()
    {
        if (string.CompareOrdinal(_text, _cursor.Offset, "include", 0, 7) != 0) return false;
        var i = _cursor.Offset + 7;
        if (i >= _text.Length || !IsInlineSpace(_text[i])) return false;
        while (i < _text.Length && IsInlineSpace(_text[i])) i++;
        foreach (var form in IncludeForms)
            if (string.CompareOrdinal(_text, i, form, 0, form.Length) == 0) return true;
        return false;
    }

    private void ParseInclude(RawObject target, string[]? path, int depth)
    {
        var at = _cursor.Position;
        _cursor.Advance(7);
        SkipInline();
        var (name, optional) = ParseIncludeTarget(allowWrapper: true);
        if (name.Length == 0) throw new HoconException(at, "include needs a file name");
        var display = Path.IsPathRooted(name) ? name : Path.Combine(_directory, name);
        var included = _session.LoadFile(display, at, path, depth, optional);
        if (included is null) return;
        foreach (var key in included.Order) target.Assign(key, included[key]);
    }

    /// <summary>"name", file("name"), required(...), optional(...).</summary>
    private (string Name, bool Optional) ParseIncludeTarget(bool allowWrapper)
    {
        if (Current == '"' && !_cursor.AtEnd) return (ParseQuoted(), false);
        var start = _cursor.Offset;
        while (Current is >= 'a' and <= 'z') _cursor.Advance(1);
        var word = _text[start.._cursor.Offset];
        if (Current != '(' || _cursor.AtEnd)
            throw Error($"expected a quoted file name, file(...), required(...) or optional(...) after include but found {Describe()}");
        _cursor.Advance(1);
        SkipInline();
        (string Name, bool Optional) result = word switch
        {
            "file" when Current == '"' => (ParseQuoted(), false),
            "file" => throw Error($"expected a quoted file name but found {Describe()}"),
            "required" or "optional" when allowWrapper => (ParseIncludeTarget(allowWrapper: false).Name, word == "optional"),
            "url" or "classpath" => throw Error($"include {word}(...) is not supported: use a file"),
            _ => throw Error($"unexpected '{word}(' in include"),
        };
        SkipInline();
        if (Current != ')' || _cursor.AtEnd) throw Error($"expected ')' but found {Describe()}");
        _cursor.Advance(1);
        return result;
    }

    private HoconException Error(string reason) => new(_cursor.Position, reason);

    private string Describe()
    {
        if (_cursor.AtEnd) return "end of file";
        return Current == '\n' ? "end of line" : $"'{Printable(Current)}'";
    }

    private static string Printable(char c) => c < ' ' || c == '\u007f' || char.IsSurrogate(c) ? $"U+{(int)c:X4}" : c.ToString();

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
