using System.Buffers;
using System.Globalization;
using System.Text;

namespace Miner.Models.Protocol;

/// <summary>
/// Writes JSON the way CPython's <c>json.dumps</c> does for the two <see cref="ProtocolJsonStyle"/>s: separators,
/// string escapes and float repr. Utf8JsonWriter cannot produce either layout.
/// </summary>
internal sealed class PythonJsonWriter(ProtocolJsonStyle style, int initialCapacity = 1024)
{
    // json.dumps(ensure_ascii=True) passes printable ASCII except quote and backslash; ensure_ascii=False
    // passes everything except control characters, quote and backslash.
    private static readonly SearchValues<char> AsciiSafe = SearchValues.Create(
        string.Concat(Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c).Where(c => c is not ('"' or '\\'))));
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Select(c => (char)c)) + "\"\\");

    private readonly ArrayBufferWriter<byte> _buffer = new(initialCapacity);
    private readonly bool _compact = style == ProtocolJsonStyle.Response;
    private bool _needSeparator;

    public void StartObject()
    {
        Separate();
        Raw("{");
        _needSeparator = false;
    }

    public void EndObject()
    {
        Raw("}");
        _needSeparator = true;
    }

    public void StartArray()
    {
        Separate();
        Raw("[");
        _needSeparator = false;
    }

    public void EndArray()
    {
        Raw("]");
        _needSeparator = true;
    }

    public void Key(string name)
    {
        Separate();
        Quoted(name);
        Raw(_compact ? ":" : ": ");
        _needSeparator = false;
    }

    public void Null() => Value("null");

    public void Bool(bool value) => Value(value ? "true" : "false");

    public void Number(long? value) => Value(value?.ToString(CultureInfo.InvariantCulture) ?? "null");

    public void Number(double? value) => Value(value is { } v ? PythonFloat.Repr(v) : "null");

    public void String(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }
        Separate();
        Quoted(value);
        _needSeparator = true;
    }

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    private void Value(string literal)
    {
        Separate();
        Raw(literal);
        _needSeparator = true;
    }

    // Between array items; after a key the flag is already clear.
    private void Separate()
    {
        if (_needSeparator) Raw(_compact ? "," : ", ");
    }

    private void Quoted(string text)
    {
        Raw("\"");
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var stop = _compact ? rest.IndexOfAny(Unsafe) : rest.IndexOfAnyExcept(AsciiSafe);
            if (stop < 0) stop = rest.Length;
            Utf8(rest[..stop]);
            if (stop == rest.Length) break;
            Raw(Escape(rest[stop]));
            rest = rest[(stop + 1)..];
        }
        Raw("\"");
    }

    private static string Escape(char c) => c switch
    {
        '"' => "\\\"",
        '\\' => "\\\\",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\b' => "\\b",
        '\f' => "\\f",
        _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
    };

    private void Raw(string ascii) => Utf8(ascii);

    private void Utf8(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return;
        var count = Encoding.UTF8.GetByteCount(text);
        var written = Encoding.UTF8.GetBytes(text, _buffer.GetSpan(count));
        _buffer.Advance(written);
    }
}
