using System.CommandLine;
using Miner.Host.Admin;
using Miner.Host.Commands.Ctl;

namespace Miner.Host.Cli;

/// <summary>
/// `miner ctl`: a client of a running node's admin endpoint (<c>miner.admin</c>): the actor tree, validators, tasks,
/// cards, the blacklist, drain and resume. Exit 0 done, 1 refused (bad input, 4xx, token), 2 unreachable (or 5xx).
/// </summary>
public static class CtlCommands
{
    public static Command Create(CliContext context)
    {
        var node = new Option<string?>("--node") { Description = "The node's admin URL (default: http://miner.admin.host:miner.admin.port/)", Recursive = true };
        var tokenFile = new Option<FileInfo?>("--token-file") { Description = "The bearer token's file (default: miner.admin.token-file under the miner home)", Recursive = true };
        var json = new Option<bool>("--json") { Description = "Print the endpoint's JSON as it came, for scripts", Recursive = true };

        Command Leaf(string name, string description, Func<CtlCommand, ParseResult, Task<int>> run, params Symbol[] symbols)
        {
            var command = new Command(name, description);
            foreach (var symbol in symbols)
            {
                if (symbol is Argument argument) command.Arguments.Add(argument);
                else command.Options.Add((Option)symbol);
            }
            command.SetAction(parse => Invoke(context, parse, node, tokenFile, json, run));
            return command;
        }

        var path = new Argument<string?>("PATH") { Description = "Actor path (/user/miner/router, or relative to /user/miner: router)", Arity = ArgumentArity.ZeroOrOne };
        var depth = new Option<int?>("--depth") { Description = "Levels of children below PATH (0: PATH alone)" };
        var showPath = new Argument<string>("PATH") { Description = "Actor path (/user/miner/router, or relative to /user/miner: router)" };
        var actor = new Command("actor", "The actor tree of the node (introspection)")
        {
            Leaf("hierarchy", "The tree under PATH (default /user/miner): type, mailbox, stash, restarts, timers, state",
                (c, p) => c.HierarchyAsync(p.GetValue(path), p.GetValue(depth)), path, depth),
            Leaf("show", "One actor's row", (c, p) => c.ShowAsync(p.GetValue(showPath)!), showPath),
        };

        var uid = new Argument<int>("UID") { Description = "The validator's uid" };
        var removeUid = new Argument<int>("UID") { Description = "The validator's uid" };
        var duration = new Option<string?>("--for") { Description = "How long (2h, 30m, 7d); default: until removed" };
        var reason = new Option<string?>("--reason") { Description = "Why (kept in the journal and shown by `validators`)" };
        var blacklist = new Command("blacklist", "The ScoreKeeper's blacklist (journalled: survives a restart)")
        {
            Leaf("list", "Blacklisted validators: by configuration, by rule or by hand", (c, _) => c.BlacklistListAsync()),
            Leaf("add", "Blacklist a validator by hand", (c, p) => c.BlacklistAddAsync(p.GetValue(uid), p.GetValue(duration), p.GetValue(reason)), uid, duration, reason),
            Leaf("remove", "Lift a blacklisting by rule or by hand (configured ones: change miner.mining.blacklist)", (c, p) => c.BlacklistRemoveAsync(p.GetValue(removeUid)), removeUid),
        };

        var ctl = new Command("ctl", "Talk to a running node's admin endpoint (miner run, miner devnet): exit 0 done, 1 refused, 2 unreachable")
        {
            actor,
            Leaf("validators", "Per validator: uid, hotkey, stake, cooldown, ban, pulls, accepted, declined, failed, mean score, last score", (c, _) => c.ValidatorsAsync()),
            Leaf("tasks", "Tasks in flight: stage, card, elapsed, attempt", (c, _) => c.TasksAsync()),
            Leaf("gpus", "The cards: health, current task and stage, queue, totals", (c, _) => c.GpusAsync()),
            blacklist,
            Leaf("drain", "Stop pulling; tasks in flight finish and are submitted", (c, _) => c.DrainAsync()),
            Leaf("resume", "Pull again after a drain", (c, _) => c.ResumeAsync()),
        };
        ctl.Options.Add(node);
        ctl.Options.Add(tokenFile);
        ctl.Options.Add(json);
        return ctl;
    }

    private static int Invoke(CliContext context, ParseResult parse, Option<string?> nodeOption, Option<FileInfo?> tokenOption, Option<bool> jsonOption,
        Func<CtlCommand, ParseResult, Task<int>> run)
    {
        if (context.Load(parse) is not { } loaded) return ExitCodes.Failed;
        var admin = loaded.Settings.Admin;
        var nodeText = parse.GetValue(nodeOption);
        Uri node;
        if (nodeText is null) node = admin.DefaultNode;
        else if (!Uri.TryCreate(nodeText.EndsWith('/') ? nodeText : nodeText + "/", UriKind.Absolute, out node!) || node.Scheme is not ("http" or "https"))
        {
            context.Error.WriteLine($"ctl: --node: expected an http URL such as http://127.0.0.1:9477, got '{nodeText}'");
            return ExitCodes.Failed;
        }
        var tokenPath = parse.GetValue(tokenOption)?.FullName ?? admin.TokenFile;
        return CtlCommand.Run(context.Error, async () =>
        {
            using var client = new CtlClient(node, AdminToken.Read(tokenPath));
            return await run(new CtlCommand(client, parse.GetValue(jsonOption), context.Out), parse).ConfigureAwait(false);
        });
    }
}
