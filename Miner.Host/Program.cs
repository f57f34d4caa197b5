using Miner.Host.Commands.Bench;
var results = new ActorBenchmark().Run();
foreach (var r in results) Console.WriteLine($"{r.Scenario,-40} {r.PerSecond,15:N0} {r.Unit} ({r.Messages:N0} in {r.Seconds:F2}s)");
