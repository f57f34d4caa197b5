namespace Miner.Host.Cli;

/// <summary>The exit codes every command uses (README, "Exit codes"). Commands with a verdict add their own above 1.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>Refused or failed: a bad flag or argument, an invalid setting, an unreadable input, an unreachable service.</summary>
    public const int Failed = 1;

    /// <summary>`miner ctl`: the node is unreachable (connection refused, no answer in time) or could not answer (5xx).</summary>
    public const int Unreachable = 2;

    /// <summary>A defect of the miner itself (an exception nothing expected); reported as one line, never a stack trace.</summary>
    public const int InternalError = 70;
}
