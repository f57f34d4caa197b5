namespace Miner.Host.Commands.Devnet;

/// <summary>How `miner devnet` shows progress.</summary>
public enum DevnetOutputMode
{
    /// <summary>The live table on a terminal; one line per settled task when stdout is redirected or not the console.</summary>
    Auto,

    /// <summary>The status table, redrawn in place (<see cref="DevnetLiveTable"/>).</summary>
    LiveTable,

    /// <summary>One line per settled task (<see cref="DevnetSettledLines"/>).</summary>
    SettledLines,
}
