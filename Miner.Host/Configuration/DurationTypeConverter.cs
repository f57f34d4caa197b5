using System.ComponentModel;
using System.Globalization;
using Miner.Models.Configuration.Hocon;

namespace Miner.Host.Configuration;

/// <summary>
/// Reads TimeSpan from <c>10s</c>, <c>500ms</c> or <c>00:00:10</c>; a bare number is refused as ambiguous
/// (the stock converter would read "10" as ten days).
/// </summary>
public sealed class DurationTypeConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text ? HoconDuration.Parse(text) : base.ConvertFrom(context, culture, value);

    public override bool CanConvertTo(ITypeDescriptorContext? context, Type? destinationType) =>
        destinationType == typeof(string) || base.CanConvertTo(context, destinationType);

    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) && value is TimeSpan span
            ? HoconDuration.Format(span)
            : base.ConvertTo(context, culture, value, destinationType);
}
