using Miner.Models.Generation;

namespace Miner.Specs.Generation.Fakes;

/// <summary>One scripted call of a fake backend.</summary>
public sealed record FakeCall(FakeCallKind Kind, TimeSpan Delay = default, bool NaN = false, HttpBackendFailure? Http = null)
{
    public static FakeCall Succeed { get; } = new(FakeCallKind.Succeed);
    public static FakeCall Throw { get; } = new(FakeCallKind.Throw);
    public static FakeCall Hang { get; } = new(FakeCallKind.Hang);
    public static FakeCall Null { get; } = new(FakeCallKind.Null);
    public static FakeCall ZeroGaussians { get; } = new(FakeCallKind.Garbage);
    public static FakeCall NaNPositions { get; } = new(FakeCallKind.Garbage, NaN: true);

    public static FakeCall Slow(TimeSpan delay) => new(FakeCallKind.Slow, delay);

    public static FakeCall HttpFails(HttpBackendFailure failure) => new(FakeCallKind.HttpFailure, Http: failure);
}
