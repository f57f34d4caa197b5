using System.ComponentModel;

namespace Miner.Host.Configuration;

/// <summary>
/// Makes ConfigurationBinder read durations: it converts through TypeDescriptor, so registering a converter for
/// TimeSpan once is enough (a spec checks the binder honours it). ByteSize carries its own converter attribute.
/// The registration is process-wide: TimeSpan conversions through TypeDescriptor then refuse bare numbers.
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
            _registered = true;
        }
    }
}
