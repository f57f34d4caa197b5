using System.Text.Json;

namespace Miner.Models.Protocol;

/// <summary>
/// Typed access to one JSON object's fields with pydantic's rules (a missing field takes its default, unknown
/// fields are ignored, the last of duplicate keys wins); anything else is a <see cref="ProtocolFormatException"/>
/// that names the field.
/// </summary>
internal readonly struct JsonFields
{
    private readonly JsonElement _object;

    public JsonFields(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new ProtocolFormatException(path, $"expected an object, got {Describe(element)}");
        _object = element;
        Path = path;
    }

    public string Path { get; }

    /// <summary>A missing field gives <paramref name="fallback"/>; null does too where bittensor declares the field optional.</summary>
    public string String(string name, string fallback, bool nullIsDefault = false) =>
        Find(name, nullIsDefault) is { } e ? AsString(e, At(name)) : fallback;

    public string? NullableString(string name) => Find(name, nullIsDefault: true) is { } e ? AsString(e, At(name)) : null;

    public string RequiredString(string name) => AsString(Required(name), At(name));

    public long Long(string name, long fallback, bool nullIsDefault = false) =>
        Find(name, nullIsDefault) is { } e ? AsLong(e, At(name)) : fallback;

    public long? NullableLong(string name) => Find(name, nullIsDefault: true) is { } e ? AsLong(e, At(name)) : null;

    public long RequiredLong(string name) => AsLong(Required(name), At(name));

    public int? NullableInt(string name)
    {
        if (NullableLong(name) is not { } value) return null;
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw new ProtocolFormatException(At(name), $"{value} is out of range");
    }

    public double Double(string name, double fallback, bool nullIsDefault = false) =>
        Find(name, nullIsDefault) is { } e ? AsDouble(e, At(name)) : fallback;

    public double? NullableDouble(string name) => Find(name, nullIsDefault: true) is { } e ? AsDouble(e, At(name)) : null;

    public bool Bool(string name, bool fallback)
    {
        if (Find(name, nullIsDefault: false) is not { } e) return fallback;
        return e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ProtocolFormatException(At(name), $"expected true or false, got {Describe(e)}"),
        };
    }

    /// <summary>A nested object, or null when the field is missing or null.</summary>
    public JsonFields? Object(string name) => Find(name, nullIsDefault: true) is { } e ? new JsonFields(e, At(name)) : null;

    public string At(string name) => $"{Path}.{name}";

    private JsonElement? Find(string name, bool nullIsDefault)
    {
        if (!_object.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind != JsonValueKind.Null) return value;
        return nullIsDefault ? null : throw new ProtocolFormatException(At(name), "must not be null");
    }

    private JsonElement Required(string name)
    {
        if (!_object.TryGetProperty(name, out var value)) throw new ProtocolFormatException(At(name), "required field is missing");
        return value.ValueKind != JsonValueKind.Null ? value : throw new ProtocolFormatException(At(name), "must not be null");
    }

    private static string AsString(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.String) throw new ProtocolFormatException(path, $"expected a string, got {Describe(e)}");
        try
        {
            return e.GetString()!;
        }
        catch (InvalidOperationException error)
        {
            throw new ProtocolFormatException(path, "the string is not valid UTF-8 text", error);
        }
    }

    // pydantic accepts a float with no fraction for an int (5.0); decimal keeps nanosecond integers exact.
    private static long AsLong(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Number) throw new ProtocolFormatException(path, $"expected an integer, got {Describe(e)}");
        if (e.TryGetInt64(out var value)) return value;
        if (e.TryGetDecimal(out var number) && number == decimal.Truncate(number) && number is >= long.MinValue and <= long.MaxValue)
            return (long)number;
        throw new ProtocolFormatException(path, $"expected a 64-bit integer, got {Clip(e.GetRawText())}");
    }

    private static double AsDouble(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Number) throw new ProtocolFormatException(path, $"expected a number, got {Describe(e)}");
        if (e.TryGetDouble(out var value) && double.IsFinite(value)) return value;
        throw new ProtocolFormatException(path, $"{Clip(e.GetRawText())} is out of range");
    }

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
