using System.ComponentModel;
using System.Globalization;

namespace Miner.Host.Configuration;

/// <summary>
/// Reads bool from true/false/yes/no/on/off (any case), so <c>MINER_LOGGING__DEBUG=yes</c> and
/// <c>--logging.debug on</c> mean what a HOCON file's <c>debug = yes</c> means.
/// </summary>
public sealed class BooleanWordConverter : BooleanConverter
{
    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value)
    {
        if (value is not string text) return base.ConvertFrom(context, culture, value);
        return text.Trim().ToLowerInvariant() switch
        {
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            _ => throw new FormatException($"'{text}' is not a boolean (use true/false, yes/no or on/off)"),
        };
    }
}
