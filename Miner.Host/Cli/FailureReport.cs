using Miner.Host.Configuration;
using Miner.Models.Bittensor.Keys;
using Miner.Models.Configuration.Hocon;

namespace Miner.Host.Cli;

/// <summary>
/// The last line of defence: an exception no command caught becomes one line on stderr and an exit code from
/// <see cref="ExitCodes"/>, never a stack trace. Input problems exit 1; anything else is a defect of ours (70).
/// </summary>
public static class FailureReport
{
    public static int Write(Exception error, TextWriter stderr)
    {
        switch (error)
        {
            case ConfigurationException configuration:
                foreach (var diagnostic in configuration.Diagnostics) stderr.WriteLine(diagnostic);
                return ExitCodes.Failed;
            case InvalidWalletNameException wallet:
                stderr.WriteLine($"wallet settings: {OneLine(wallet.Message)} (--wallet.name, --wallet.hotkey)");
                return ExitCodes.Failed;
            case IOException or UnauthorizedAccessException or FormatException or HoconException or DllNotFoundException:
                stderr.WriteLine($"error: {OneLine(error.Message)}");
                return ExitCodes.Failed;
            case OperationCanceledException:
                stderr.WriteLine("stopped");
                return ExitCodes.Failed;
            default:
                stderr.WriteLine($"internal error: {error.GetType().Name}: {OneLine(error.Message)} (a defect of the miner; please report it with the command line)");
                return ExitCodes.InternalError;
        }
    }

    /// <summary>The first line of a message, without .NET's "(Parameter 'x')" suffix.</summary>
    public static string OneLine(string message)
    {
        var line = message.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        var parameter = line.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return (parameter >= 0 ? line[..parameter] : line).Trim();
    }
}
