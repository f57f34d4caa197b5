using Miner.Models.Bittensor.Keys;

namespace Miner.Specs.Bittensor;

/// <summary>A wallet folder under the temp directory, deleted afterwards.</summary>
public sealed class TempWallet : IDisposable
{
    public TempWallet(string name = "miner", string hotkey = "h1")
    {
        Root = Directory.CreateTempSubdirectory("wallets-").FullName;
        Location = new WalletLocation(Root, name, hotkey);
    }

    public string Root { get; }
    public WalletLocation Location { get; }

    /// <summary>Writes the hotkey file as-is (mode 0600 unless told otherwise).</summary>
    public void WriteHotkey(string contents, UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Location.HotkeyFile)!);
        File.WriteAllText(Location.HotkeyFile, contents);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Location.HotkeyFile, mode);
    }

    public void WriteColdkeyPub(string contents)
    {
        Directory.CreateDirectory(Location.WalletDirectory);
        File.WriteAllText(Location.ColdkeyPublicFile, contents);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
