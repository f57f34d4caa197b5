namespace Miner.Host.Commands.Devnet;

/// <summary>Shows a devnet run's progress on the console while it runs (about once a second).</summary>
public interface IDevnetProgressView
{
    void Show(DevnetSnapshot snapshot);
}
