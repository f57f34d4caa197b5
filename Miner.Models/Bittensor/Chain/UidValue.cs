namespace Miner.Models.Bittensor.Chain;

/// <summary>One <c>(Compact&lt;u16&gt; uid, Compact&lt;u16&gt; value)</c> pair of a full neuron's weights or bonds.</summary>
public readonly record struct UidValue(ushort Uid, ushort Value)
{
    public const int MinEncodedLength = 2;

    public static UidValue Read(ref ScaleReader reader) =>
        new(reader.ReadCompactU16("uid"), reader.ReadCompactU16("value"));
}
