namespace Miner.Actors.Mining.Metagraph;

/// <summary>
/// A neuron left out of the validator set. <see cref="Kind"/> groups it for the counts an operator reads
/// (<c>low stake (&lt; 1000 τ)</c>, <c>not serving</c>, <c>loopback address</c>, <c>own hotkey</c>, <c>blacklisted</c>);
/// <see cref="Reason"/> says it for this neuron (<c>low stake: S 10.0 &lt; 1000.0</c>).
/// </summary>
public sealed record SkippedValidator(ValidatorCandidate Candidate, string Kind, string Reason);
