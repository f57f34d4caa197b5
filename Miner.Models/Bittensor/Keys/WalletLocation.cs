namespace Miner.Models.Bittensor.Keys;

/// <summary>
/// Where a bittensor wallet lives: <c>{Path}/{Name}/hotkeys/{Hotkey}</c> and friends, as
/// btwallet lays it out (--wallet.path, --wallet.name, --wallet.hotkey).
/// </summary>
public sealed record WalletLocation
{
    public const string DefaultPath = "~/.bittensor/wallets";
    public const string DefaultName = "default";
    public const string DefaultHotkey = "default";

    /// <exception cref="InvalidWalletNameException">a name that is empty or would leave the wallet folder</exception>
    public WalletLocation(string? path = null, string? name = null, string? hotkey = null)
    {
        Path = string.IsNullOrWhiteSpace(path) ? DefaultPath : path;
        Name = Checked(string.IsNullOrEmpty(name) ? DefaultName : name, "wallet name");
        Hotkey = Checked(string.IsNullOrEmpty(hotkey) ? DefaultHotkey : hotkey, "hotkey name");
    }

    public string Path { get; }
    public string Name { get; }
    public string Hotkey { get; }

    /// <summary>The wallet folder with a leading <c>~</c> expanded to the home directory.</summary>
    public string WalletDirectory => System.IO.Path.Combine(ExpandHome(Path), Name);

    public string HotkeyFile => System.IO.Path.Combine(WalletDirectory, "hotkeys", Hotkey);

    /// <summary>The public-only copy btwallet 4 writes beside the hotkey.</summary>
    public string HotkeyPublicFile => HotkeyFile + "pub.txt";

    public string ColdkeyPublicFile => System.IO.Path.Combine(WalletDirectory, "coldkeypub.txt");

    private static string ExpandHome(string path)
    {
        if (path != "~" && !path.StartsWith("~/", StringComparison.Ordinal)) return path;
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return path == "~" ? home : System.IO.Path.Combine(home, path[2..]);
    }

    private static string Checked(string value, string what)
    {
        if (value is "." or ".." || value.IndexOfAny(['/', '\\', '\0']) >= 0 || value.Any(char.IsControl) || value.Trim() != value)
            throw new InvalidWalletNameException($"{what} '{value}' is not a plain file name (no slashes, '.', '..', control characters or outer spaces)");
        return value;
    }
}
