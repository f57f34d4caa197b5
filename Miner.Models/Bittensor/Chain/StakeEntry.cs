namespace Miner.Models.Bittensor.Chain;

/// <summary>One <c>(AccountId32, Compact&lt;u64&gt;)</c> pair of a neuron's <c>stake</c> list: a coldkey and rao.</summary>
public readonly record struct StakeEntry(AccountId Coldkey, ulong AmountRao)
{
    public const int MinEncodedLength = AccountId.Length + 1;

    public static StakeEntry Read(ref ScaleReader reader) =>
        new(reader.ReadAccountId("coldkey"), reader.ReadCompactU64("amount"));
}
