namespace Miner.Models.Bittensor.Keys;

/// <summary>Why an SS58 address was refused.</summary>
public enum Ss58Error
{
    Empty,
    InvalidCharacter,
    WrongLength,
    InvalidPrefix,
    WrongPrefix,
    BadChecksum,
}
