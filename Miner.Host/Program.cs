using Miner.Host.Cli;

return MinerCli.Run(args, Console.Out, Console.Error);
