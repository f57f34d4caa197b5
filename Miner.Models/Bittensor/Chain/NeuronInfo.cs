namespace Miner.Models.Bittensor.Chain;

/// <summary>
/// A full neuron (<c>NeuronInfoRuntimeApi_get_neuron(s)</c>): the lite fields plus the non-zero weights and bonds
/// it has set.
/// </summary>
public sealed record NeuronInfo(NeuronInfoLite Neuron, IReadOnlyList<UidValue> Weights, IReadOnlyList<UidValue> Bonds)
{
    public const int MinEncodedLength = NeuronInfoLite.MinEncodedLength + 2;

    public static NeuronInfo Read(ref ScaleReader reader)
    {
        var neuron = NeuronInfoLite.Read(ref reader, withWeightsAndBonds: true, out var weights, out var bonds);
        return new NeuronInfo(neuron, weights, bonds);
    }
}
