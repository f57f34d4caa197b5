namespace Miner.Host.Configuration;

public enum ConfigurationOriginKind
{
    File,
    Environment,
    CommandLine,
}
