using System.Text.Json;
using Miner.Models.Bittensor.Keys;
using static Miner.Specs.Bittensor.KeyfileSamples;
using static Miner.Specs.Bittensor.KnownKeys;

namespace Miner.Specs.Bittensor;

public sealed class WalletSpecs : IDisposable
{
    private const UnixFileMode Mode0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly TempWallet _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_wallet_location_lays_out_files_as_btwallet_does()
    {
        var location = new WalletLocation("/w", "miner", "h1");
        Assert.Equal(Path.Combine("/w", "miner", "hotkeys", "h1"), location.HotkeyFile);
        Assert.Equal(Path.Combine("/w", "miner", "hotkeys", "h1pub.txt"), location.HotkeyPublicFile);
        Assert.Equal(Path.Combine("/w", "miner", "coldkeypub.txt"), location.ColdkeyPublicFile);
    }

    [Fact]
    public void A_default_wallet_location_is_the_default_hotkey_under_the_home_directory()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        Assert.Equal(Path.Combine(home, ".bittensor", "wallets", "default", "hotkeys", "default"), new WalletLocation().HotkeyFile);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData(".")]
    [InlineData("a\\b")]
    public void A_hotkey_name_that_would_leave_the_wallet_folder_is_refused(string hotkey)
    {
        Assert.Throws<InvalidWalletNameException>(() => new WalletLocation("/w", "miner", hotkey));
    }

    [Fact]
    public void A_btwallet_hotkey_file_loads_to_its_address()
    {
        _temp.WriteHotkey(Btwallet());
        Assert.Equal(BtwalletSs58, new Wallet(_temp.Location).LoadHotkey().Ss58Address);
    }

    [UnixFact]
    public void A_hotkey_file_readable_by_others_loads_with_a_permission_warning()
    {
        _temp.WriteHotkey(Btwallet(), Mode0600 | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var warning = Assert.Single(new Wallet(_temp.Location).LoadHotkey().Warnings);
        Assert.Contains("mode 0644", warning);
        Assert.Contains("chmod 600", warning);
    }

    [Fact]
    public void A_hotkey_file_readable_only_by_its_owner_loads_without_warnings()
    {
        _temp.WriteHotkey(Btwallet());
        Assert.Empty(new Wallet(_temp.Location).LoadHotkey().Warnings);
    }

    [Fact]
    public void A_missing_hotkey_file_is_reported_with_its_path()
    {
        var error = Assert.Throws<KeyfileException>(() => new Wallet(_temp.Location).LoadHotkey());
        Assert.Contains(_temp.Location.HotkeyFile + " does not exist", error.Message);
    }

    [Fact]
    public void An_encrypted_hotkey_file_is_refused_naming_its_format()
    {
        _temp.WriteHotkey("$NACL" + new string('x', 80));
        Assert.Contains("NaCl", Assert.Throws<KeyfileException>(() => new Wallet(_temp.Location).LoadHotkey()).Message);
    }

    [Fact]
    public void A_loaded_hotkey_as_text_reveals_no_secret()
    {
        _temp.WriteHotkey(Btwallet());
        Assert.False(RevealsBtwalletSecret(new Wallet(_temp.Location).LoadHotkey().ToString()));
    }

    [Fact]
    public void The_coldkey_public_file_loads_to_its_public_key()
    {
        _temp.WriteColdkeyPub(PublicOnly(BobPublic, BobSs58));
        Assert.Equal(BobPublic, Hex(new Wallet(_temp.Location).LoadColdkeyPublicKey()));
    }

    [UnixFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_created_hotkey_file_has_mode_0600()
    {
        new Wallet(_temp.Location).CreateHotkey();
        Assert.Equal(Mode0600, File.GetUnixFileMode(_temp.Location.HotkeyFile));
    }

    [Fact]
    public void A_created_hotkey_is_derived_from_the_random_seed()
    {
        var created = new Wallet(_temp.Location).CreateHotkey(new FixedRandomness(Bytes(BtwalletSeed)));
        Assert.Equal(BtwalletSs58, created.Ss58Address);
    }

    [Fact]
    public void A_created_hotkey_file_holds_the_btwallet_fields()
    {
        new Wallet(_temp.Location).CreateHotkey(new FixedRandomness(Bytes(BtwalletSeed)));
        using var json = JsonDocument.Parse(File.ReadAllText(_temp.Location.HotkeyFile));
        Assert.Equal(
            ["accountId", "privateKey", "publicKey", "secretPhrase", "secretSeed", "ss58Address"],
            json.RootElement.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("0x" + BtwalletSeed, json.RootElement.GetProperty("secretSeed").GetString());
    }

    [Fact]
    public void A_created_hotkey_gets_a_public_file_that_loads_to_the_same_key()
    {
        var created = new Wallet(_temp.Location).CreateHotkey();
        Assert.Equal(created.Keypair.PublicKey, new Wallet(_temp.Location).LoadHotkeyPublicKey());
        Assert.DoesNotContain("secret", File.ReadAllText(_temp.Location.HotkeyPublicFile), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Creating_a_hotkey_over_an_existing_one_is_refused_and_leaves_it_untouched()
    {
        _temp.WriteHotkey(Btwallet());
        var error = Assert.Throws<KeyfileException>(() => new Wallet(_temp.Location).CreateHotkey());
        Assert.Contains("refusing to overwrite", error.Message);
        Assert.Equal(Btwallet(), File.ReadAllText(_temp.Location.HotkeyFile));
    }

    [Fact]
    public void The_hotkey_public_key_falls_back_to_the_hotkey_file_without_a_public_file()
    {
        _temp.WriteHotkey(Btwallet());
        Assert.Equal(BtwalletPublic, Hex(new Wallet(_temp.Location).LoadHotkeyPublicKey()));
    }
}
