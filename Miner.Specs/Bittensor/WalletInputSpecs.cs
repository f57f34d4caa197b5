using Miner.Models.Bittensor.Keys;
using Miner.Specs.TestKit;

namespace Miner.Specs.Bittensor;

/// <summary>Key files are regular files read within their limit: a FIFO or a device in the wallet is refused, not read.</summary>
public sealed class WalletInputSpecs : IDisposable
{
    private readonly TempWallet _temp = new();

    [Fact]
    public async Task A_fifo_as_the_hotkey_file_is_refused_at_once_naming_it()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_temp.Location.HotkeyFile)!);
        var fifo = SpecialFiles.MakeFifo(_temp.Location.HotkeyFile);
        var error = await SpecialFiles.WithinAsync(() => Assert.Throws<KeyfileException>(() => new Wallet(_temp.Location).LoadHotkey()), fifo);
        Assert.Equal($"{fifo}: is a FIFO, not a regular file", error.Message);
    }

    [Fact]
    public async Task Dev_zero_linked_as_the_hotkey_file_is_refused_naming_it()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_temp.Location.HotkeyFile)!);
        File.CreateSymbolicLink(_temp.Location.HotkeyFile, SpecialFiles.DevZero);
        var error = await SpecialFiles.WithinAsync(() => Assert.Throws<KeyfileException>(() => new Wallet(_temp.Location).LoadHotkey()));
        Assert.Equal($"{_temp.Location.HotkeyFile}: is a character device, not a regular file", error.Message);
    }

    [Fact]
    public void A_hotkey_file_over_64_KiB_is_refused_while_reading_naming_the_limit()
    {
        _temp.WriteHotkey(new string(' ', 70_000));
        var error = Assert.Throws<KeyfileException>(() => new Wallet(_temp.Location).LoadHotkey());
        Assert.Equal($"{_temp.Location.HotkeyFile}: hotkey file larger than its limit of 64 KiB", error.Message);
    }

    public void Dispose() => _temp.Dispose();
}
