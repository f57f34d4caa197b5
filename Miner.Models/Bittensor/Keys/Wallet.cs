using System.Security.Cryptography;
using Miner.Models.Bittensor.Crypto;
using Miner.Models.Files;

namespace Miner.Models.Bittensor.Keys;

/// <summary>
/// Reads and creates the key files of one bittensor wallet. Only plain (unencrypted) hotkeys
/// can be used; the coldkey is only ever read through coldkeypub.txt.
/// </summary>
public sealed class Wallet(WalletLocation location)
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public WalletLocation Location { get; } = location;

    /// <exception cref="KeyfileException">missing, unreadable, encrypted, malformed or inconsistent</exception>
    public LoadedHotkey LoadHotkey()
    {
        var path = Location.HotkeyFile;
        var contents = ReadKeyfile(path, "hotkey");
        var warnings = new List<string>(PermissionWarnings(path));
        try
        {
            var keypair = Keyfile.ReadKeypair(contents, path, warnings);
            return new LoadedHotkey(keypair, path, warnings);
        }
        finally
        {
            Array.Clear(contents);
        }
    }

    /// <summary>The hotkey's public key from HOTKEYpub.txt, or from the hotkey file's public fields.</summary>
    /// <exception cref="KeyfileException">neither file is usable</exception>
    public byte[] LoadHotkeyPublicKey()
    {
        var path = File.Exists(Location.HotkeyPublicFile) ? Location.HotkeyPublicFile : Location.HotkeyFile;
        var contents = ReadKeyfile(path, "hotkey");
        try
        {
            return Keyfile.ReadPublicKey(contents, path);
        }
        finally
        {
            Array.Clear(contents);
        }
    }

    /// <exception cref="KeyfileException">missing, unreadable, malformed or inconsistent</exception>
    public byte[] LoadColdkeyPublicKey() => Keyfile.ReadPublicKey(ReadKeyfile(Location.ColdkeyPublicFile, "coldkeypub"), Location.ColdkeyPublicFile);

    /// <summary>
    /// Creates a hotkey from 32 bytes of <paramref name="rng"/> (the OS CSPRNG when null) and writes
    /// HOTKEY and HOTKEYpub.txt with mode 0600, as btwallet does. Never overwrites.
    /// </summary>
    /// <exception cref="KeyfileException">a file already exists or cannot be written</exception>
    public LoadedHotkey CreateHotkey(RandomNumberGenerator? rng = null)
    {
        var path = Location.HotkeyFile;
        foreach (var existing in new[] { path, Location.HotkeyPublicFile }.Where(File.Exists))
            throw new KeyfileException($"refusing to overwrite existing key file {existing}");
        var seed = new byte[Sr25519Keypair.MiniSecretLength];
        if (rng is null) RandomNumberGenerator.Fill(seed);
        else rng.GetBytes(seed);
        try
        {
            var directory = System.IO.Path.GetDirectoryName(path)!;
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(directory);
            else Directory.CreateDirectory(directory, OwnerReadWrite | UnixFileMode.UserExecute);
            WriteNew(path, Keyfile.SerializeKeypair(seed));
            WriteNew(Location.HotkeyPublicFile, Keyfile.SerializePublicKey(Sr25519Keypair.FromMiniSecret(seed).PublicKey));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KeyfileException($"cannot create hotkey file {path}: {e.Message}", e);
        }
        finally
        {
            Array.Clear(seed);
        }
        // Read back: proves the file on disk is complete and consistent.
        return LoadHotkey();
    }

    private static void WriteNew(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerReadWrite;
        using var stream = new FileStream(path, options);
        stream.Write(System.Text.Encoding.UTF8.GetBytes(text));
    }

    private static byte[] ReadKeyfile(string path, string what)
    {
        var status = FileStatus.Of(path);
        if (!status.Exists) throw new KeyfileException($"{what} file {path} does not exist");
        try
        {
            // bounded while reading and regular files only: a FIFO would block, /dev/zero would never end
            return InputFile.ReadAllBytes(path, Keyfile.MaxKeyfileBytes, $"{what} file");
        }
        catch (FileRefusedException e)
        {
            throw new KeyfileException(e.Message, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KeyfileException($"cannot read {what} file {path}: {e.Message}", e);
        }
    }

    private static IEnumerable<string> PermissionWarnings(string path)
    {
        if (OperatingSystem.IsWindows()) yield break;
        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupOrOthers) != 0)
            yield return $"key file {path} is accessible by group or others (mode {Convert.ToString((int)mode & 0x1FF, 8).PadLeft(4, '0')}); " +
                         $"restrict it with: chmod 600 {path}";
    }
}
