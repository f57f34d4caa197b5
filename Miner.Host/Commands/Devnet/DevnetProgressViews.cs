namespace Miner.Host.Commands.Devnet;

/// <summary>Picks how `miner devnet` shows progress.</summary>
public static class DevnetProgressViews
{
    public static IDevnetProgressView Create(DevnetOutputMode mode, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var table = mode == DevnetOutputMode.LiveTable || (mode == DevnetOutputMode.Auto && IsTerminal(stdout));
        if (!table) return new DevnetSettledLines(stdout);
        var (width, height) = IsTerminal(stdout) ? TerminalSize() : (null, null);
        return new DevnetLiveTable(stdout, width, height);
    }

    /// <summary>Redrawing needs a terminal: the console's own writer, not redirected to a file or a pipe.</summary>
    public static bool IsTerminal(TextWriter stdout) => !Console.IsOutputRedirected && ReferenceEquals(stdout, Console.Out);

    private static (int?, int?) TerminalSize()
    {
        try
        {
            return Console.WindowWidth > 0 && Console.WindowHeight > 0 ? (Console.WindowWidth, Console.WindowHeight) : (null, null);
        }
        catch (IOException)
        {
            return (null, null); // no size known (some terminals, CI): lines are not cut
        }
    }
}
