using Miner.Models.Files;

namespace Miner.Host.Commands.Bench;

/// <summary>A fresh folder under the system's temporary folder (TMPDIR) for a benchmark's files.</summary>
public static class ScratchFolder
{
    /// <summary>Throws <see cref="FileRefusedException"/> naming TMPDIR when it is not a folder that can be written.</summary>
    public static DirectoryInfo Create(string prefix)
    {
        var temporary = Path.GetTempPath();
        var status = FileStatus.Of(temporary);
        if (status.Kind != FileKind.Directory)
            throw new FileRefusedException($"TMPDIR {temporary} is {(status.Exists ? status.Describe() : "missing")}: point TMPDIR at a writable folder for the benchmark's scratch files");
        try
        {
            return Directory.CreateTempSubdirectory(prefix);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new FileRefusedException($"TMPDIR {temporary}: cannot create the benchmark's scratch folder: {error.Message}");
        }
    }
}
