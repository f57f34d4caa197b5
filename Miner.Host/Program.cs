using System.Runtime.InteropServices;
using Miner.Host.Cli;
using Miner.Models.Files;

// An exception on a thread nobody awaits would otherwise end the process with the runtime's stack trace.
AppDomain.CurrentDomain.UnhandledException += (_, e) =>
{
    OutputFile.RemoveOpenTemporaries();
    Environment.Exit(FailureReport.Write(e.ExceptionObject as Exception ?? new InvalidOperationException("unknown failure"), Console.Error));
};

// A one-shot command stopped by Ctrl+C or SIGTERM leaves no temporary behind; long-running commands cancel the
// signal themselves (StopSignals) and finish their writes.
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, RemoveTemporariesUnlessHandled);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, RemoveTemporariesUnlessHandled);

return MinerCli.Run(args, Console.Out, Console.Error);

static void RemoveTemporariesUnlessHandled(PosixSignalContext signal)
{
    if (!StopSignals.Active) OutputFile.RemoveOpenTemporaries();
}
