using System.CommandLine;
using Miner.Actors.Storage;

namespace Miner.Host.Cli;

/// <summary>`miner db migrate FROM TO`: copies an old-layout journal (data/miner.db) into Akka.Persistence.Sql's layout.</summary>
public static class DbCommands
{
    public static Command Create(CliContext context)
    {
        var from = new Argument<string>("FROM") { Description = "The old journal: a SQLite file of the miner's own layout (default location data/miner.db)" };
        var to = new Argument<string>("TO") { Description = "A new SQLite file (built beside it, renamed into place when complete), or postgres:CONNECTION-STRING" };
        var migrate = new Command("migrate", "Copy an old journal's events and latest snapshots into Akka.Persistence.Sql's layout; refuses a TO that holds events") { from, to };
        migrate.SetAction(parse => Migrate(context, parse.GetValue(from)!, parse.GetValue(to)!));
        return new Command("db", "The event journal: migration from the old layout") { migrate };
    }

    private static int Migrate(CliContext context, string from, string to)
    {
        try
        {
            context.Out.WriteLine(LegacyJournalMigration.Migrate(from, to));
            return ExitCodes.Ok;
        }
        catch (LegacyMigrationException refused)
        {
            // An input problem: one line, no stack trace (a TO connection string is never part of the message).
            context.Error.WriteLine($"db migrate: {FailureReport.OneLine(refused.Message)}");
            return ExitCodes.Failed;
        }
    }
}
