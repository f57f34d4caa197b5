namespace Miner.Specs.Configuration;

/// <summary>A realistic miner configuration touching every construct of the subset.</summary>
internal static class SampleConfiguration
{
    public const string MinerConf = """"
        # Defaults for the SN17 miner.
        netuid = 17
        wallet {
          name = default
          hotkey = "default"
          password = ${?MINER_WALLET_PASSWORD}
        }
        subtensor.network = finney
        subtensor.endpoint = "wss://entrypoint-finney.opentensor.ai:443"

        validators {
          min-stake = 1000.5
          poll-interval = 500ms   // how often a poller looks
          cooldown = 5m
          blacklist = [ "5F3sa2TJ", "5DAAnrj7", ]
          allow-private = off
        }

        generation: {
          timeout = 30s
          max-upload = 64MiB
          prompt-suffix = """ , high quality,
        3d "render" """
          label = netuid ${netuid} on ${subtensor.network}
          stages = [image, mask] [trellis, ply]
        }

        logging { debug = no, file = null, level = -1, scale = 2.5e-3 }
        """";
}
