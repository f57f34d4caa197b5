using Miner.Models.Splats;

namespace Miner.Host.Commands.Splats;

/// <summary>Turns the expected failures of a splat command (bad input, missing zstd, I/O) into a message and exit code 1.</summary>
internal static class SplatCommandGuard
{
    public const int Ok = 0;
    public const int Failed = 1;

    public static int Run(TextWriter stderr, Func<int> command)
    {
        try
        {
            return command();
        }
        catch (Exception error) when (error is SplatFormatException or IOException or UnauthorizedAccessException
                                          or DllNotFoundException or ArgumentException or InvalidDataException)
        {
            stderr.WriteLine($"error: {error.Message}");
            return Failed;
        }
    }
}
