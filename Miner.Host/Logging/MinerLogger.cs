using Serilog;
using Serilog.Events;

namespace Miner.Host.Logging;

/// <summary>Builds the Serilog logger from <see cref="LoggingOptions"/>: console and rolling file.</summary>
public static class MinerLogger
{
    /// <summary>A property that keeps an event off the console (the command printed it itself), for the file only.</summary>
    public const string FileOnly = "FileOnly";

    public static Serilog.Core.Logger Create(LoggingOptions options)
    {
        var level = EffectiveLevel(options);
        var fileLevel = ParseLevel(options.File.Level, "logging.file.level");
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is((LogEventLevel)Math.Min((int)level, (int)fileLevel))
            .Enrich.FromLogContext();
        if (options.Console.Enabled)
        {
            // Logs go to stderr so command output on stdout (JSON, signatures) stays clean. An event marked FileOnly was
            // already said on stderr in plain words (a refusal is one line), so the console does not say it twice.
            configuration = configuration.WriteTo.Logger(console => console
                .MinimumLevel.Verbose()
                .Filter.ByExcluding(e => e.Properties.ContainsKey(FileOnly))
                .WriteTo.Console(outputTemplate: options.Console.Template, restrictedToMinimumLevel: level,
                    standardErrorFromLevel: LogEventLevel.Verbose));
        }
        if (options.File.Enabled)
        {
            configuration = configuration.WriteTo.File(
                options.File.Path,
                restrictedToMinimumLevel: fileLevel,
                outputTemplate: options.File.Template,
                rollingInterval: ParseInterval(options.File.RollingInterval),
                retainedFileCountLimit: options.File.RetainedFiles > 0 ? options.File.RetainedFiles : null,
                fileSizeLimitBytes: options.File.SizeLimit.Bytes > 0 ? options.File.SizeLimit.Bytes : null,
                rollOnFileSizeLimit: true,
                shared: false);
        }
        return configuration.CreateLogger();
    }

    /// <summary>--logging.trace wins over --logging.debug, which wins over logging.level.</summary>
    public static LogEventLevel EffectiveLevel(LoggingOptions options) =>
        options.Trace ? LogEventLevel.Verbose
        : options.Debug ? LogEventLevel.Debug
        : ParseLevel(options.Level, "logging.level");

    public static LogEventLevel ParseLevel(string text, string key) => text.Trim().ToLowerInvariant() switch
    {
        "verbose" or "trace" => LogEventLevel.Verbose,
        "debug" => LogEventLevel.Debug,
        "information" or "info" => LogEventLevel.Information,
        "warning" or "warn" => LogEventLevel.Warning,
        "error" => LogEventLevel.Error,
        "fatal" => LogEventLevel.Fatal,
        _ => throw new ArgumentException($"{key}: unknown level '{text}' (verbose, debug, information, warning, error, fatal)"),
    };

    private static RollingInterval ParseInterval(string text) => text.Trim().ToLowerInvariant() switch
    {
        "minute" => RollingInterval.Minute,
        "hour" => RollingInterval.Hour,
        "day" => RollingInterval.Day,
        "month" => RollingInterval.Month,
        "year" => RollingInterval.Year,
        "infinite" or "none" => RollingInterval.Infinite,
        _ => throw new ArgumentException($"logging.file.rolling-interval: unknown interval '{text}' (minute, hour, day, month, year, infinite)"),
    };
}
