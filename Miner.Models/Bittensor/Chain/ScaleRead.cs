namespace Miner.Models.Bittensor.Chain;

/// <summary>Reads one value of <typeparamref name="T"/> (a Vec element, an Option payload) from a reader.</summary>
public delegate T ScaleRead<out T>(ref ScaleReader reader);
