namespace Miner.Models.Splats;

/// <summary>One failed condition with the figure the validator computed and the limit it compared it with.</summary>
public sealed record ValidityFailure(ValidityCheck Check, string Detail, double Observed, double Limit);
