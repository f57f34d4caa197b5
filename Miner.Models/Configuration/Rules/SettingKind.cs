namespace Miner.Models.Configuration.Rules;

/// <summary>What a ranged setting holds, for comparing it with its bounds and naming it in messages.</summary>
public enum SettingKind
{
    Integer,
    Number,
    Duration,
    Size,
}
