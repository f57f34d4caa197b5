using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Miner.Models.Configuration.Hocon;

/// <summary>Recursive-descent parser from text to the unresolved tree. One instance per file.</summary>
internal sealed partial class HoconSyntaxParser
{
    private const char End = '\0';

    private readonly string _text;
    private readonly string _file;
    private readonly string[]? _prefix;
    private readonly int _baseDepth;
    private readonly string _directory;
    private readonly HoconParseSession _session;
    private readonly HoconTextCursor _cursor;

    /// <param name="prefix">Absolute path of the object the text is parsed into; null inside arrays.</param>
    /// <param name="directory">Where relative includes are looked up.</param>
    public HoconSyntaxParser(string text, string file, string[]? prefix, int baseDepth, string directory, HoconParseSession session)
    {
        _directory = directory;
        _text = text;
        _file = file;
        _prefix = prefix;
        _baseDepth = baseDepth;
        _session = session;
        _cursor = new HoconTextCursor(text, file);
    }

    private int MaxDepth => _session.Options.MaxDepth;

    /// <summary>The cursor reads U+0000 as the end of the text, so a NUL would silently end the file there.</summary>
    private void RefuseNul()
    {
        var index = _text.IndexOf('\0', StringComparison.Ordinal);
        if (index < 0) return;
        var line = 1 + _text.AsSpan(0, index).Count('\n');
        var column = index - (_text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1) + 1;
        throw new HoconException(new HoconPosition(_file, line, column), "NUL character (U+0000): this is not a text file");
    }

    private char Current => _cursor.Peek(0);

    public RawObject ParseDocument()
    {
        RefuseNul();
        if (Current == '\uFEFF') _cursor.Advance(1);
        var root = new RawObject(_cursor.Position);
        SkipBlank();
        if (Current == '{' && !_cursor.AtEnd)
        {
            var open = _cursor.Position;
            _cursor.Advance(1);
            ParseFields(root, _prefix, '}', open, _baseDepth + 1);
            _cursor.Advance(1);
            SkipBlank();
            if (!_cursor.AtEnd) throw Error($"expected end of file after the root object but found {Describe()}");
        }
        else
        {
            ParseFields(root, _prefix, End, root.Position, _baseDepth);
        }
        return root;
    }

    /// <summary>Fields up to <paramref name="closing"/> (not consumed) or, for End, the end of the text.</summary>
    private void ParseFields(RawObject target, string[]? path, char closing, HoconPosition open, int depth)
    {
        while (true)
        {
            SkipBlank();
            if (_cursor.AtEnd)
            {
                if (closing == End) return;
                throw Error($"expected '{closing}' to close the object opened at {open.Line}:{open.Column} but found end of file");
            }
            if (Current == closing) return;
            if (Current == ',') throw Error("unexpected ','");

            if (IsIncludeDirective()) ParseInclude(target, path, depth);
            else ParseField(target, path, depth);

            SkipInline();
            if (Current == ',' && !_cursor.AtEnd) _cursor.Advance(1);
            else if (Current == '\n' || _cursor.AtEnd || Current == closing) continue;
            else throw Error($"expected ',' or a new line after a field but found {Describe()}");
        }
    }

    private void ParseField(RawObject target, string[]? path, int depth)
    {
        var keyAt = _cursor.Position;
        var segments = ParseKey();
        if (depth + segments.Length > MaxDepth) throw new HoconException(keyAt, $"keys nested deeper than {MaxDepth} levels");
        SkipInline();
        var append = false;
        if (Current is '=' or ':') _cursor.Advance(1);
        else if (Current == '+' && _cursor.Peek(1) == '=') { _cursor.Advance(2); append = true; }
        else if (Current != '{' || _cursor.AtEnd)
            throw Error($"expected '=', ':' or '{{' after key '{string.Join('.', segments)}' but found {Describe()}");
        SkipInline();
        if (!StartsValue())
            throw Error($"expected a value for '{string.Join('.', segments)}' but found {Describe()}");

        string[]? fieldPath = path is null ? null : [.. path, .. segments];
        var context = new RawFieldContext(fieldPath);
        var value = ParseValue(context, fieldPath, depth + segments.Length);
        if (append)
        {
            if (fieldPath is null) throw new HoconException(keyAt, "'+=' is not supported inside arrays");
            // a += v  means  a = ${?a} [v]
            var self = new RawSubstitution(fieldPath, optional: true, context, keyAt);
            value = new RawConcat([self, new RawArray([value], value.Position)], ["", ""], keyAt);
        }
        context.Node = value;

        for (var i = segments.Length - 1; i > 0; i--)
        {
            var wrapper = new RawObject(keyAt);
            wrapper.Assign(segments[i], value);
            value = wrapper;
        }
        target.Assign(segments[0], value);
    }

    /// <summary>Dotted key: unquoted parts split on '.', quoted parts kept whole.</summary>
    private string[] ParseKey()
    {
        var segments = new List<string>();
        var current = new StringBuilder();
        var hasContent = false;
        while (!_cursor.AtEnd)
        {
            var c = Current;
            if (c == '"')
            {
                if (_cursor.Peek(1) == '"' && _cursor.Peek(2) == '"') throw Error("triple-quoted strings cannot be keys");
                current.Append(ParseQuoted());
                hasContent = true;
            }
            else if (c == '.')
            {
                if (!hasContent) throw Error("empty key segment");
                segments.Add(current.ToString());
                current.Clear();
                hasContent = false;
                _cursor.Advance(1);
            }
            else if (IsKeyChar(c) && !AtCommentStart())
            {
                current.Append(c);
                hasContent = true;
                _cursor.Advance(1);
            }
            else break;
        }
        if (!hasContent) throw Error(segments.Count == 0 ? $"expected a key but found {Describe()}" : "key ends with '.'");
        segments.Add(current.ToString());
        return [.. segments];
    }

    private RawNode ParseValue(RawFieldContext? context, string[]? path, int depth)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack()) throw Error("input nested too deeply");
        var parts = new List<RawNode>();
        var gaps = new List<string>();
        var gap = "";
        while (true)
        {
            parts.Add(ParsePiece(context, path, depth));
            gaps.Add(gap);
            var before = _cursor.Offset;
            SkipInline();
            gap = _text[before.._cursor.Offset];
            if (!StartsValue()) break;
        }
        return parts.Count == 1 ? parts[0] : new RawConcat(parts, gaps, parts[0].Position);
    }

    private RawNode ParsePiece(RawFieldContext? context, string[]? path, int depth)
    {
        var at = _cursor.Position;
        switch (Current)
        {
            case '"' when _cursor.Peek(1) == '"' && _cursor.Peek(2) == '"':
                return new RawScalar(HoconScalarKind.String, ParseTripleQuoted(), at);
            case '"':
                return new RawScalar(HoconScalarKind.String, ParseQuoted(), at);
            case '{':
                return ParseObject(path, depth + 1);
            case '[':
                return ParseArray(context, depth + 1);
            case '$':
                return ParseSubstitution(context);
            default:
                var word = ParseUnquoted();
                return new RawScalar(Classify(word), word, at);
        }
    }

    private RawObject ParseObject(string[]? path, int depth)
    {
        var open = _cursor.Position;
        if (depth > MaxDepth) throw Error($"objects and arrays nested deeper than {MaxDepth} levels");
        _cursor.Advance(1);
        var obj = new RawObject(open);
        ParseFields(obj, path, '}', open, depth);
        _cursor.Advance(1);
        return obj;
    }

    private RawArray ParseArray(RawFieldContext? context, int depth)
    {
        var open = _cursor.Position;
        if (depth > MaxDepth) throw Error($"objects and arrays nested deeper than {MaxDepth} levels");
        _cursor.Advance(1);
        var items = new List<RawNode>();
        while (true)
        {
            SkipBlank();
            if (_cursor.AtEnd)
                throw Error($"expected ']' to close the array opened at {open.Line}:{open.Column} but found end of file");
            if (Current == ']') break;
            if (Current == ',') throw Error("unexpected ','");
            if (!StartsValue()) throw Error($"expected a value or ']' but found {Describe()}");
            items.Add(ParseValue(context, null, depth));
            SkipInline();
            if (Current == ',' && !_cursor.AtEnd) _cursor.Advance(1);
            else if (Current is not ('\n' or ']') && !_cursor.AtEnd)
                throw Error($"expected ',' or ']' but found {Describe()}");
        }
        _cursor.Advance(1);
        return new RawArray(items, open);
    }

    private RawSubstitution ParseSubstitution(RawFieldContext? context)
    {
        var at = _cursor.Position;
        if (_cursor.Peek(1) != '{') throw Error("unexpected '$': quote strings that contain '$'");
        _cursor.Advance(2);
        var optional = Current == '?' && !_cursor.AtEnd;
        if (optional) _cursor.Advance(1);
        SkipInline();
        var path = ParseKey();
        SkipInline();
        if (Current != '}' || _cursor.AtEnd) throw Error($"expected '}}' to close the substitution but found {Describe()}");
        _cursor.Advance(1);
        return new RawSubstitution(path, optional, context, at);
    }

    private string ParseQuoted()
    {
        var open = _cursor.Position;
        _cursor.Advance(1);
        var sb = new StringBuilder();
        while (true)
        {
            if (_cursor.AtEnd || Current == '\n') throw new HoconException(open, "unterminated string");
            var c = Current;
            if (c == '"') { _cursor.Advance(1); return sb.ToString(); }
            if (c == '\\') { sb.Append(ParseEscape()); continue; }
            if (c < ' ' && c != '\t') throw Error($"control character {Describe()} in a quoted string");
            sb.Append(c);
            _cursor.Advance(1);
        }
    }

    private char ParseEscape()
    {
        var at = _cursor.Position;
        var e = _cursor.Peek(1);
        if (_cursor.Offset + 1 >= _text.Length) throw new HoconException(at, "unterminated escape sequence");
        _cursor.Advance(2);
        switch (e)
        {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                var code = 0;
                for (var i = 0; i < 4; i++)
                {
                    var digit = HexValue(Current);
                    if (digit < 0 || _cursor.AtEnd) throw new HoconException(at, "\\u must be followed by four hex digits");
                    code = code * 16 + digit;
                    _cursor.Advance(1);
                }
                return (char)code;
            default:
                throw new HoconException(at, $"invalid escape '\\{Printable(e)}'");
        }
    }

    /// <summary>Raw text up to the closing """; quotes right before it belong to the string.</summary>
    private string ParseTripleQuoted()
    {
        var open = _cursor.Position;
        var start = _cursor.Offset + 3;
        var close = _text.IndexOf("\"\"\"", start, StringComparison.Ordinal);
        if (close < 0) throw new HoconException(open, "unterminated triple-quoted string");
        while (close + 3 < _text.Length && _text[close + 3] == '"') close++;
        _cursor.MoveTo(close + 3);
        return _text[start..close];
    }

    private string ParseUnquoted()
    {
        var start = _cursor.Offset;
        while (!_cursor.AtEnd && IsValueChar(Current, _cursor.Offset == start) && !AtValueCommentStart(start))
            _cursor.Advance(1);
        if (_cursor.Offset == start) throw Error($"expected a value but found {Describe()}");
        return _text[start.._cursor.Offset];
    }

    private bool StartsValue()
    {
        if (_cursor.AtEnd) return false;
        var c = Current;
        if (c is '"' or '{' or '[' or '$') return true;
        return IsValueChar(c, first: true) && !AtCommentStart();
    }

    private static HoconScalarKind Classify(string word)
    {
        if (HoconScalar.IsBooleanWord(word)) return HoconScalarKind.Boolean;
        if (word == "null") return HoconScalarKind.Null;
        return NumberPattern().IsMatch(word) ? HoconScalarKind.Number : HoconScalarKind.String;
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
