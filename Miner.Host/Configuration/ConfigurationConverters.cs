using System.ComponentModel;

namespace Miner.Host.Configuration;

/// <summary>
/// Makes ConfigurationBinder read durations and yes/no/on/off: it converts through TypeDescriptor, so registering
/// converters for TimeSpan and bool once is enough (a spec checks the binder honours them). ByteSize carries its
/// own converter attribute. The registration is process-wide: TimeSpan conversions through TypeDescriptor then
/// refuse bare numbers, and bool conversions accept the extra words.
/// </summary>
public static class ConfigurationConverters
{
    private static readonly object Gate = new();
    private static bool _registered;

    public static void Register()
    {
        lock (Gate)
        {
            if (_registered) return;
            TypeDescriptor.AddAttributes(typeof(TimeSpan), new TypeConverterAttribute(typeof(DurationTypeConverter)));
            TypeDescriptor.AddAttributes(typeof(bool), new TypeConverterAttribute(typeof(BooleanWordConverter)));
            _registered = true;
        }
    }
}
