using System.Security.Cryptography;
using System.Text;
using Miner.Models.Files;

namespace Miner.Host.Admin;

/// <summary>
/// The admin endpoint's bearer token: 32 random bytes as 64 hex digits in a file readable by its owner only. Created
/// at a node's first start (written to a temporary with mode 0600, then renamed into place), reused afterwards.
/// </summary>
public static class AdminToken
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
                                               UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>The token in <paramref name="path"/>, creating the file when missing. Throws <see cref="AdminRefusedException"/> for a file it cannot use.</summary>
    public static string LoadOrCreate(string path)
    {
        if (File.Exists(path)) return Read(path, checkMode: true);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        try
        {
            OutputFile.Write(path, stream =>
            {
                // Owner-only before a byte is written: the temporary is never readable by anyone else.
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(((FileStream)stream).SafeFileHandle, OwnerReadWrite);
                stream.Write(Encoding.ASCII.GetBytes(token + "\n"));
            });
        }
        catch (FileRefusedException error)
        {
            throw new AdminRefusedException($"miner.admin.token-file: {error.Message}");
        }
        return token;
    }

    /// <summary>The token in an existing file (`miner ctl`); throws <see cref="AdminRefusedException"/> naming the file.</summary>
    public static string Read(string path, bool checkMode = false)
    {
        string text;
        try
        {
            if (checkMode && !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & GroupOrOthers) != 0)
                throw new AdminRefusedException($"{path}: the admin token file is readable by group or others; chmod 600 it");
            using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read));
            var buffer = new char[200];
            text = new string(buffer, 0, reader.ReadBlock(buffer, 0, buffer.Length)).Trim();
        }
        catch (FileNotFoundException)
        {
            throw new AdminRefusedException($"{path}: no admin token file (a node creates it at its first start; --token-file FILE names another)");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new AdminRefusedException($"{path}: cannot read the admin token: {error.Message}");
        }
        if (text.Length != 64 || !text.All(Uri.IsHexDigit))
            throw new AdminRefusedException($"{path}: not an admin token (expected 64 hex digits); remove it and restart the node to make a new one");
        return text;
    }

    /// <summary>
    /// Whether an <c>Authorization</c> header carries <paramref name="token"/>. Both sides are hashed first, so the
    /// fixed-time comparison also hides the length of what was sent.
    /// </summary>
    public static bool Matches(string? authorization, string token)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        var sent = SHA256.HashData(Encoding.UTF8.GetBytes(authorization[scheme.Length..].Trim()));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return CryptographicOperations.FixedTimeEquals(sent, expected);
    }
}

/// <summary>The admin endpoint or its token cannot be used as configured; the message is one line naming the setting or file.</summary>
public sealed class AdminRefusedException(string message) : Exception(message);
