namespace Miner.Models.Bittensor.Keys;

/// <summary>The <c>wallet</c> section (bittensor's --wallet.path, --wallet.name, --wallet.hotkey).</summary>
public sealed class WalletOptions
{
    public string Path { get; set; } = WalletLocation.DefaultPath;
    public string Name { get; set; } = WalletLocation.DefaultName;
    public string Hotkey { get; set; } = WalletLocation.DefaultHotkey;

    public WalletLocation ToLocation() => new(Path, Name, Hotkey);
}
