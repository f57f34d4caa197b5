using Miner.Models.Configuration.Rules;
using Miner.Models.Configuration;

namespace Miner.Host.Logging;

/// <summary>The <c>logging</c> section: levels, console and rolling-file sinks, dead-letter throttling.</summary>
public sealed class LoggingOptions
{
    /// <summary>Minimum level: verbose, debug, information, warning, error, fatal.</summary>
    [OneOf("verbose", "debug", "information", "warning", "error", "fatal", "trace", "info", "warn")] // the words MinerLogger.ParseLevel reads
    public string Level { get; set; } = "information";

    /// <summary>Bittensor's --logging.debug: lowers the level to debug.</summary>
    public bool Debug { get; set; }

    /// <summary>Bittensor's --logging.trace: lowers the level to verbose.</summary>
    public bool Trace { get; set; }

    public ConsoleSinkOptions Console { get; set; } = new();
    public FileSinkOptions File { get; set; } = new();
    public DeadLetterLogOptions DeadLetters { get; set; } = new();

    public sealed class ConsoleSinkOptions
    {
        public bool Enabled { get; set; } = true;
        public string Template { get; set; } = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";
    }

    public sealed class FileSinkOptions
    {
        public bool Enabled { get; set; } = true;

        /// <summary>Relative to the miner home; Serilog inserts the date before the extension: logs/miner-20261122.log.</summary>
        public string Path { get; set; } = "logs/miner-.log";

        /// <summary>Level for the file, which may be lower than the console's.</summary>
        [OneOf("verbose", "debug", "information", "warning", "error", "fatal", "trace", "info", "warn")] // the words MinerLogger.ParseLevel reads
        public string Level { get; set; } = "debug";

        /// <summary>minute, hour, day, month, year or infinite.</summary>
        [OneOf("minute", "hour", "day", "month", "year", "infinite", "none")] // the words MinerLogger reads
        public string RollingInterval { get; set; } = "day";

        /// <summary>Older files are deleted; 0 keeps them all.</summary>
        [NotNegative(Max = "100000")]
        public int RetainedFiles { get; set; } = 14;

        /// <summary>A file this large rolls over early; 0B means no limit.</summary>
        [NotNegative]
        public ByteSize SizeLimit { get; set; } = ByteSize.Parse("64MiB");

        public string Template { get; set; } = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}";
    }

    public sealed class DeadLetterLogOptions
    {
        /// <summary>Dead letters logged per window; the rest are counted and summarised (0 logs none).</summary>
        [NotNegative(Max = "1000000")]
        public int LogFirst { get; set; } = 10;

        [Positive(Max = "1d")]
        public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);
    }
}
