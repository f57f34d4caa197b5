namespace Miner.Specs.Generation.Fakes;

/// <summary>How one call of a fake backend behaves.</summary>
public enum FakeCallKind
{
    /// <summary>Answers at once.</summary>
    Succeed,

    /// <summary>Answers after <see cref="FakeCall.Delay"/> of virtual time (cancellable).</summary>
    Slow,

    /// <summary>The call faults with an exception.</summary>
    Throw,

    /// <summary>Never answers on its own and ignores cancellation (a wedged GPU); <see cref="FakeCallScript.ReleaseHung"/> answers late.</summary>
    Hang,

    /// <summary>Answers null.</summary>
    Null,

    /// <summary>Fails as an HTTP backend client does (<see cref="FakeCall.Http"/>: 500, timeout, truncated body, corrupt body...).</summary>
    HttpFailure,

    /// <summary>Answers something unusable: zero gaussians (image-to-3D), mostly NaN positions with <see cref="FakeCall.NaN"/>.</summary>
    Garbage,
}
