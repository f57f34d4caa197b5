using System.Runtime.InteropServices;

namespace Miner.Host.Cli;

/// <summary>
/// A token cancelled by Ctrl+C or SIGTERM (`kill`, `timeout`, service managers), so a long-running command finishes
/// with its summary and a clean shutdown instead of dying. Disposing restores the default handling.
/// </summary>
public sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration _terminate;

    private static int _active;

    /// <summary>Whether a long-running command handles Ctrl+C and SIGTERM itself.</summary>
    public static bool Active => Volatile.Read(ref _active) > 0;

    public StopSignals()
    {
        Interlocked.Increment(ref _active);
        Console.CancelKeyPress += OnCancelKeyPress;
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            _stop.Cancel();
        });
    }

    public CancellationToken Token => _stop.Token;

    public void Dispose()
    {
        Interlocked.Decrement(ref _active);
        Console.CancelKeyPress -= OnCancelKeyPress;
        _terminate.Dispose();
        _stop.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        _stop.Cancel();
    }
}
