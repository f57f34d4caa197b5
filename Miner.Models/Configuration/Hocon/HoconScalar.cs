namespace Miner.Models.Configuration.Hocon;

/// <summary>A string, number, boolean or null.</summary>
public sealed class HoconScalar : HoconValue
{
    public HoconScalar(HoconScalarKind kind, string text, HoconPosition origin)
        : base(origin, 1, 1, text.Length)
    {
        Kind = kind;
        Text = text;
    }

    public HoconScalarKind Kind { get; }

    /// <summary>The text as written, without quotes and with escapes decoded (<c>yes</c>, <c>10s</c>, <c>null</c>).</summary>
    public string Text { get; }

    /// <summary>
    /// The canonical value: booleans become <c>true</c>/<c>false</c> (so <c>yes</c> binds to a bool), null is null,
    /// everything else is <see cref="Text"/>.
    /// </summary>
    public string? Value => Kind switch
    {
        HoconScalarKind.Null => null,
        HoconScalarKind.Boolean => IsTrueWord(Text) ? "true" : "false",
        _ => Text,
    };

    public bool IsNull => Kind == HoconScalarKind.Null;

    internal static bool IsTrueWord(string word) => word is "true" or "yes" or "on";

    internal static bool IsBooleanWord(string word) => word is "true" or "false" or "yes" or "no" or "on" or "off";

    public override string ToString() => Value ?? "null";
}
