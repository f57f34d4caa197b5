using Miner.Host.Cli;
using Miner.Models.Files;
using Miner.Models.Splats;

namespace Miner.Host.Commands.Splats;

/// <summary>Turns the expected failures of a splat command (bad input, missing zstd, I/O) into a message and exit code 1.</summary>
internal static class SplatCommandGuard
{
    public const int Ok = 0;
    public const int Failed = 1;

    /// <summary>
    /// Before any work: the output must be a writable .ply or .spz path that is not the input itself (these
    /// commands never rewrite in place; the write goes through a temporary and a rename).
    /// </summary>
    public static void CheckOutput(string input, string output)
    {
        OutputFile.RequireWritableTarget(output);
        if (Path.GetExtension(output).ToLowerInvariant() is not (".ply" or ".spz"))
            throw new FileRefusedException($"{output}: cannot tell the output format: use a .ply or .spz extension");
        OutputFile.RefuseOverwritingInput(output, input);
    }

    public static int Run(TextWriter stderr, Func<int> command)
    {
        try
        {
            return command();
        }
        catch (Exception error) when (error is SplatFormatException or IOException or UnauthorizedAccessException
                                          or DllNotFoundException or ArgumentException or InvalidDataException)
        {
            stderr.WriteLine($"error: {FailureReport.OneLine(error.Message)}");
            return Failed;
        }
    }
}
