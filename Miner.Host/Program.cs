Console.WriteLine("miner");
